# cmake -DBURSTCTL=path -DOUTPUT=file -P BurstctlCommandsH2m.cmake
# Writes a help2man include file with a COMMANDS section: the --help text of every burstctl
# command, in the order `burstctl --help` lists them, so burstctl(1) says what each command's
# --help says.
execute_process(COMMAND "${BURSTCTL}" --help OUTPUT_VARIABLE usage RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${BURSTCTL} --help failed (${rc})")
endif()
string(REGEX MATCHALL "\n  [a-z][a-z-]*  " lines "${usage}")
set(text "[COMMANDS]\n")
foreach(line IN LISTS lines)
    string(STRIP "${line}" command)
    execute_process(COMMAND "${BURSTCTL}" ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${BURSTCTL} ${command} --help failed (${rc})")
    endif()
    # roff: a backslash is \e, and a line must not start with a control character.
    string(REPLACE "\\" "\\e" help "${help}")
    string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "\n${help}")
    string(APPEND text ".SS \"burstctl ${command}\"\n.nf${help}.fi\n")
endforeach()
file(WRITE "${OUTPUT}" "${text}")
