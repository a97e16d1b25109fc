# libharu ships neither a CMake package nor a pkg-config file on Debian 12:
# locate it by hand and expose it as the imported target Haru::hpdf.
find_path(Haru_INCLUDE_DIR NAMES hpdf.h)
find_library(Haru_LIBRARY NAMES hpdf)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Haru REQUIRED_VARS Haru_LIBRARY Haru_INCLUDE_DIR)

if(Haru_FOUND AND NOT TARGET Haru::hpdf)
    add_library(Haru::hpdf UNKNOWN IMPORTED)
    set_target_properties(Haru::hpdf PROPERTIES
        IMPORTED_LOCATION "${Haru_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${Haru_INCLUDE_DIR}")
endif()
mark_as_advanced(Haru_INCLUDE_DIR Haru_LIBRARY)
