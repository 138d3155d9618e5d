# Keeps the sandbox's parts layered: cmake -DSANDBOX_DIR=<core/sandbox> -P checkincludes.cmake
# fails, naming file and include, when a file includes what its part may not:
#   - another part that is not below it (a part "above" it, or a sibling),
#   - a core/ folder outside its list (transport: no core/kube, core/burst or core/cloud at all),
#   - a project header by a relative path instead of "core/...",
# or when a source file sits outside the six part folders. The table mirrors each part's
# CMakeLists.txt link list and README.md; change the three together.
#
#   transport   store          (no part below them)
#        \       /
#        apiserver
#       /    |    \
#   node  cluster  cci        (none of them includes another)
cmake_minimum_required(VERSION 3.22)

if(NOT SANDBOX_DIR OR NOT IS_DIRECTORY "${SANDBOX_DIR}")
    message(FATAL_ERROR "checkincludes.cmake: set SANDBOX_DIR to the core/sandbox folder")
endif()

set(parts transport store apiserver node cluster cci)
# The parts each part may include (itself always).
set(parts_transport "")
set(parts_store "")
set(parts_apiserver transport store)
set(parts_node transport store apiserver)
set(parts_cluster transport store apiserver)
set(parts_cci transport store apiserver)
# The core/ folders outside the sandbox each part may include.
set(core_transport common)
set(core_store common kube)
set(core_apiserver common kube)
set(core_node common kube)
set(core_cluster common kube burst)
set(core_cci common cloud)

# A list as text that stays one list element: "a b c".
function(shown list out)
    string(REPLACE ";" " " text "${list}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()
shown("${parts}" partNames)

set(problems "")
file(GLOB_RECURSE sources RELATIVE "${SANDBOX_DIR}" "${SANDBOX_DIR}/*.h" "${SANDBOX_DIR}/*.cpp")
list(SORT sources)
foreach(source IN LISTS sources)
    string(REGEX MATCH "^[^/]+" part "${source}")
    if(NOT source MATCHES "/" OR NOT part IN_LIST parts)
        list(APPEND problems "${source}: not in a part folder (${partNames})")
        continue()
    endif()
    # Only the include lines: they hold no ';' that would split a CMake list.
    file(STRINGS "${SANDBOX_DIR}/${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS lines)
        string(REGEX MATCH "\"([^\"]+)\"" quoted "${line}")
        set(included "${CMAKE_MATCH_1}")
        set(where "${source}: #include \"${included}\"")
        if(included MATCHES "\\.moc$" OR included MATCHES "^moc_")
            continue()
        elseif(included MATCHES "^core/sandbox/([^/]+)/")
            set(target "${CMAKE_MATCH_1}")
            if(NOT target STREQUAL part AND NOT target IN_LIST parts_${part})
                shown("${part} ${parts_${part}}" allowed)
                list(APPEND problems "${where}: ${part} may include only parts [${allowed}]")
            endif()
        elseif(included MATCHES "^core/sandbox/")
            list(APPEND problems "${where}: no part folder named")
        elseif(included MATCHES "^core/([^/]+)/")
            set(folder "${CMAKE_MATCH_1}")
            if(NOT folder IN_LIST core_${part})
                shown("${core_${part}}" allowed)
                list(APPEND problems "${where}: ${part} may include from core/ only [${allowed}]")
            endif()
        else()
            list(APPEND problems "${where}: include project headers as \"core/...\"")
        endif()
    endforeach()
endforeach()

list(LENGTH sources count)
if(problems)
    list(LENGTH problems problemCount)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "${problemCount} include(s) break the sandbox's layers:\n  ${text}")
endif()
message(STATUS "sandbox layers hold: ${count} files checked")
