# Every compiled target links keyhaven_options PRIVATE; nothing is directory-scoped (STYLE.md).
add_library(keyhaven_options INTERFACE)
target_compile_features(keyhaven_options INTERFACE cxx_std_20)
target_compile_definitions(keyhaven_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_KEYWORDS QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER QT_DISABLE_DEPRECATED_BEFORE=0x060400
    OPENSSL_API_COMPAT=30000 OPENSSL_NO_DEPRECATED
    KEYHAVEN_VERSION="${PROJECT_VERSION}")
# QT_NO_CONTEXTLESS_CONNECT exists from Qt 6.7; older Qt ignores the define, so it is harmless.
target_compile_definitions(keyhaven_options INTERFACE QT_NO_CONTEXTLESS_CONNECT)
target_compile_options(keyhaven_options INTERFACE -Wall -Wextra -pedantic -Wformat=2 -Wundef
    -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast -Wsuggest-override -Wvla)
if(KEYHAVEN_WERROR)   # CI; a newer Qt's deprecations stay warnings
  target_compile_options(keyhaven_options INTERFACE -Werror -Wno-error=deprecated-declarations)
endif()
