# bench_fill DATA_DIR N — fills a store with N items (metadata + keychain secrets) through the
# Vault, for the GUI's cold-start benchmark; prints items/s. Run inside ./dev keyring (or a desktop
# session): the secrets go to the Secret Service under $KEYHAVEN_KEYCHAIN_SERVICE.
qt_add_executable(bench_fill ${CMAKE_CURRENT_LIST_DIR}/bench-vault-fill.cpp)
target_link_libraries(bench_fill PRIVATE keyhaven_options keyhaven-vault)
set_target_properties(bench_fill PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
