# Keeps the product's layers pointing down: cmake -DROOT=<repository root> -P checklayers.cmake
# fails, naming file and include, when a file includes a project folder its folder may not:
#   app -> ui -> models -> core, and inside core: common <- kube <- {burst, cloud} <- sandbox.
# ui, models, app/console and app/burstctl never include core/sandbox. The sandbox's own parts
# are kept in order by tests/core/sandbox/checkincludes.cmake. Every project include is written
# from the root ("core/kube/quantity.h"); app/burstctl may include its own "app/burstctl/...".
cmake_minimum_required(VERSION 3.22)

if(NOT ROOT OR NOT IS_DIRECTORY "${ROOT}")
    message(FATAL_ERROR "checklayers.cmake: set ROOT to the repository root")
endif()

# folder (a path below the root) -> the project folders it may include besides itself.
set(folders core/common core/kube core/burst core/cloud core/sandbox models ui app/console
            app/burstctl app/sandbox)
set(allowed_core/common "")
set(allowed_core/kube core/common)
set(allowed_core/burst core/common core/kube)
set(allowed_core/cloud core/common core/kube)
set(allowed_core/sandbox core/common core/kube core/burst core/cloud)
set(allowed_models core/common core/kube core/burst core/cloud)
set(allowed_ui core/common core/kube core/burst core/cloud models)
set(allowed_app/console core/common core/kube core/burst core/cloud models ui)
set(allowed_app/burstctl core/common core/kube core/burst core/cloud)
set(allowed_app/sandbox core/common core/kube core/burst core/cloud core/sandbox)

set(problems "")
set(count 0)
foreach(folder IN LISTS folders)
    if(NOT IS_DIRECTORY "${ROOT}/${folder}")
        continue()
    endif()
    file(GLOB_RECURSE sources RELATIVE "${ROOT}" "${ROOT}/${folder}/*.h" "${ROOT}/${folder}/*.cpp")
    list(SORT sources)
    foreach(source IN LISTS sources)
        math(EXPR count "${count} + 1")
        file(STRINGS "${ROOT}/${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
        foreach(line IN LISTS lines)
            string(REGEX MATCH "\"([^\"]+)\"" quoted "${line}")
            set(included "${CMAKE_MATCH_1}")
            if(included MATCHES "\\.moc$" OR included MATCHES "^(moc_|ui_)")
                continue()
            endif()
            # The project folder the include names: core/<part>, or a top-level folder.
            if(included MATCHES "^(core/[^/]+)/")
                set(target "${CMAKE_MATCH_1}")
            elseif(included MATCHES "^(app/[^/]+)/")
                set(target "${CMAKE_MATCH_1}")
            elseif(included MATCHES "^([^/]+)/")
                set(target "${CMAKE_MATCH_1}")
            else()
                list(APPEND problems "${source}: #include \"${included}\": include project headers from the root (\"core/...\")")
                continue()
            endif()
            if(NOT target STREQUAL folder AND NOT target IN_LIST allowed_${folder})
                string(REPLACE ";" " " shown "${allowed_${folder}}")
                list(APPEND problems "${source}: #include \"${included}\": ${folder} may include only [${shown}]")
            endif()
        endforeach()
    endforeach()
endforeach()

list(LENGTH problems broken)
if(broken GREATER 0)
    string(REPLACE ";" "\n" text "${problems}")
    message(FATAL_ERROR "${broken} include(s) break the layers:\n${text}")
endif()
message(STATUS "layers: ${count} files, every include points down")
