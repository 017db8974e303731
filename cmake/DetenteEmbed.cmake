# detente_embed(TARGET FUNCTION BASE FILE...): adds to TARGET a source,
# generated at build time, that defines detente::serve::FUNCTION() returning
# the FILEs (paths relative to BASE) with their bytes (see
# sim/serve/embedded_files.hpp). Editing a file rebuilds only that source.
set(DETENTE_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedFiles.cmake)

function(detente_embed target function base)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/generated/${function}.cpp)
  set(depends ${DETENTE_EMBED_SCRIPT})
  foreach(file IN LISTS ARGN)
    list(APPEND depends ${base}/${file})
  endforeach()
  list(JOIN ARGN "|" files)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFUNCTION=${function} -DBASE=${base}
            -DFILES=${files} -P ${DETENTE_EMBED_SCRIPT}
    DEPENDS ${depends}
    COMMENT "Building ${function} into the program"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
endfunction()
