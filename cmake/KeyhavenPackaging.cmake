# Desktop integration files and the Debian package (CPack). `./dev package` builds the release
# preset and runs cpack, then desktop-file-validate, appstreamcli and lintian on the result.
# One reverse-DNS application id everywhere: dev.keyhaven.Keyhaven.
include(GNUInstallDirs)
set(KEYHAVEN_APP_ID dev.keyhaven.Keyhaven)

if(KEYHAVEN_BUILD_UI)
  install(FILES packaging/${KEYHAVEN_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES packaging/${KEYHAVEN_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES resources/icons/keyhaven.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
          RENAME ${KEYHAVEN_APP_ID}.svg)
  foreach(size 48 128 256)
    install(FILES packaging/icons/keyhaven-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${KEYHAVEN_APP_ID}.png)
  endforeach()
endif()

# Debian wants the changelog compressed (gzip -n: no timestamp, so the package is reproducible);
# a native package (no Debian revision) names it changelog.gz.
set(keyhaven_changelog_gz ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${keyhaven_changelog_gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging
    COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/packaging/changelog > ${keyhaven_changelog_gz}
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog)
add_custom_target(keyhaven-changelog ALL DEPENDS ${keyhaven_changelog_gz})
# The package name, not the project name (GNUInstallDirs would say share/doc/Keyhaven).
install(FILES packaging/copyright ${keyhaven_changelog_gz} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/keyhaven)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME keyhaven)
set(CPACK_PACKAGE_VENDOR "The Keyhaven developers")
set(CPACK_PACKAGE_CONTACT "The Keyhaven developers <dev@keyhaven.dev>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "keep, inspect and use API keys, tokens and OAuth logins")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # keyhaven_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://keyhaven.dev/)
# The extended description; CPack puts the summary above it as the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Keyhaven keeps the API credentials developers and testers work with in one
place: every secret in the OS keychain (the Secret Service), the metadata in
a local SQLite database. It decodes and verifies JSON Web Tokens offline,
logs in with OAuth 2.0 and PKCE in the user's browser, tracks key rotation
and ships keyhaven-cli for scripts.")
# Libraries the binaries link come from dpkg-shlibdeps; these are loaded at run time, so no
# linker sees them: libsecret (QtKeychain dlopens it), the SQLite driver and the platform and SVG
# plugins of Qt.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
# A Secret Service provider: without one, Keyhaven says so and stores nothing.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chromium | firefox-esr")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
