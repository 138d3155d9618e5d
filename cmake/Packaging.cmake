# Installation layout and the Debian package (scripts/package.sh runs cpack; docs/packaging.md).
# Included from the top-level CMakeLists.txt after app/, which sets BURST_QM_FILES (the compiled
# catalogues) and BURST_EXAMPLE_FILES (the shipped examples).
include(GNUInstallDirs)

set(BURST_DATA_DIR "${CMAKE_INSTALL_DATADIR}/burst-console")
set(BURST_DOC_DIR "${CMAKE_INSTALL_DATADIR}/doc/burst-console") # Debian: the package's name

# The console looks for these relative to its executable (bin/../share/burst-console):
# core/common/translations.cpp and shippedExamples() in app/console/main.cpp.
install(TARGETS burstctl burst-console burst-sandbox RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${BURST_QM_FILES} DESTINATION ${BURST_DATA_DIR}/translations)
install(FILES ${BURST_EXAMPLE_FILES} DESTINATION ${BURST_DATA_DIR}/examples)
install(FILES ${PROJECT_SOURCE_DIR}/resources/burst-console.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/burst-console.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/burst-console.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo
        RENAME io.github.burstconsole.BurstConsole.metainfo.xml)
install(FILES ${PROJECT_SOURCE_DIR}/resources/packaging/copyright DESTINATION ${BURST_DOC_DIR})

# Man pages and the bash completion are written by the programs themselves, so they say what
# --help says (help2man runs --help and --version). Not in sanitizer builds: those run nothing
# at build time.
option(BURST_GENERATED_DOCS "Generate the man pages and the bash completion at build time" ON)
if(BURST_SANITIZE)
    set(BURST_GENERATED_DOCS OFF)
endif()
set(BURST_PACKAGE_TARGETS burstctl burst-console burst-sandbox)
if(BURST_GENERATED_DOCS)
    find_program(HELP2MAN_EXECUTABLE help2man REQUIRED)
    find_program(GZIP_EXECUTABLE gzip REQUIRED)
    set(man_dir "${PROJECT_BINARY_DIR}/man")
    set(man_pages)
    # name, then its one-line description for the NAME section.
    set(man_burstctl "preview and simulate CCI bursting, and talk to a cluster as kubectl does")
    set(man_burst-console "edit burst policies and watch burst pods (Burst Console)")
    set(man_burst-sandbox "a local CCE cluster that bursts to CCI, for kubectl and Burst Console")
    # burstctl(1) also holds every command's --help (cmake/BurstctlCommandsH2m.cmake).
    set(commands_h2m "${man_dir}/burstctl-commands.h2m")
    add_custom_command(
        OUTPUT "${commands_h2m}"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${man_dir}"
        COMMAND ${CMAKE_COMMAND} -E env BURST_LANG=en
                ${CMAKE_COMMAND} -DBURSTCTL=$<TARGET_FILE:burstctl> -DOUTPUT=${commands_h2m}
                -P "${PROJECT_SOURCE_DIR}/cmake/BurstctlCommandsH2m.cmake"
        DEPENDS burstctl "${PROJECT_SOURCE_DIR}/cmake/BurstctlCommandsH2m.cmake"
        VERBATIM)
    set(extra_burstctl --include "${commands_h2m}")
    set(extra_depends_burstctl "${commands_h2m}")
    foreach(program burstctl burst-console burst-sandbox)
        set(page "${man_dir}/${program}.1.gz")
        # BURST_LANG=en: the page is English whatever the builder's locale; offscreen: the
        # console is a QApplication even for --help.
        add_custom_command(
            OUTPUT "${page}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${man_dir}"
            COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen BURST_LANG=en
                    ${HELP2MAN_EXECUTABLE} --no-info
                    --name "${man_${program}}"
                    --include "${PROJECT_SOURCE_DIR}/resources/packaging/see-also.h2m"
                    ${extra_${program}}
                    --output "${man_dir}/${program}.1" $<TARGET_FILE:${program}>
            COMMAND ${GZIP_EXECUTABLE} -9nf "${man_dir}/${program}.1"
            DEPENDS ${program} "${PROJECT_SOURCE_DIR}/resources/packaging/see-also.h2m"
                    ${extra_depends_${program}}
            COMMENT "Writing the man page ${program}(1)"
            VERBATIM)
        list(APPEND man_pages "${page}")
    endforeach()
    set(completion "${PROJECT_BINARY_DIR}/completion/burstctl")
    add_custom_command(
        OUTPUT "${completion}"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/completion"
        COMMAND ${CMAKE_COMMAND} -E env BURST_LANG=en $<TARGET_FILE:burstctl> completion bash
                > "${completion}"
        DEPENDS burstctl
        COMMENT "Writing burstctl's bash completion"
        VERBATIM)
    add_custom_target(burst_generated_docs ALL DEPENDS ${man_pages} "${completion}")
    list(APPEND BURST_PACKAGE_TARGETS burst_generated_docs)
    install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES "${completion}" DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endif()

# `cmake --build build --target burst_package_contents` builds what the package holds and nothing
# else (not the tests): cpack installs without building "all" first (below), so package.sh
# builds this target before it runs cpack.
add_custom_target(burst_package_contents DEPENDS ${BURST_PACKAGE_TARGETS})
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "burst-console")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The Burst Console authors")
set(CPACK_PACKAGE_CONTACT "Burst Console maintainers <maintainers@burst-console.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "CCE-to-CCI burst policy workbench, CLI and sandbox")
set(CPACK_PACKAGE_DESCRIPTION
    "Burst Console shows which pod Huawei Cloud CCI runs when a Kubernetes workload bursts from
a CCE or on-premises cluster through virtual-kubelet: strategy, ScheduleProfile, image and
hostPath replacement, resource normalization and every CCI shape check, with diagnostics.
Connected to a cluster, it shows the burst pods live.
.
The package holds burst-console (the desktop application), burstctl (the same engine on the
command line, with kubectl-style get, watch, logs and exec) and burst-sandbox (a local CCE +
CCI stand-in that kubectl can drive).")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # burst-console_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Shared libraries come from dpkg-shlibdeps. What is loaded at run time and seen by no linker
# is named here: the SVG icon engine (libqt6svg6; the window icon and the hicolor icon), a
# Secret Service for QtKeychain's saved credentials, the monospace font of the YAML views
# and a CJK font for the zh_CN translation. The xcb and offscreen platform plugins are in
# libqt6gui6, which dpkg-shlibdeps finds.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6svg6, gnome-keyring | keepassxc, fonts-dejavu-core, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-qpa-plugins")
include(CPack)
