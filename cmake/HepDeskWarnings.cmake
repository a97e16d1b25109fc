# Warnings are errors everywhere in HepDesk's own code (never on third-party headers,
# which are included as SYSTEM by their imported targets).
option(HEPDESK_WERROR "Treat warnings as errors" ON)

function(hepdesk_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
        -Wimplicit-fallthrough
        # GCC 12's flow-sensitive checks misfire at -O2/-O3 inside libstdc++ (std::optional, streambuf,
        # std::string concatenation: GCC bugs 105562, 105329); they stay on in debug builds,
        # where they are precise, and off in optimised ones.
        $<$<AND:$<CXX_COMPILER_ID:GNU>,$<NOT:$<CONFIG:Debug>>>:-Wno-maybe-uninitialized -Wno-restrict -Wno-null-dereference>)
    if(HEPDESK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Qt code gets Qt's strict flags on top.
function(hepdesk_set_qt_strict target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT
        QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_USE_QSTRINGBUILDER)
endfunction()
