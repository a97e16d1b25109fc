#include "hepdesk/core/Paths.h"

#include <cstdlib>
#include <system_error>

#ifndef HEPDESK_SOURCE_TEMPLATES_DIR
#error "HEPDESK_SOURCE_TEMPLATES_DIR must be defined by the build"
#endif

namespace hepdesk {
namespace fs = std::filesystem;

fs::path templatesDir() {
    if (const char* env = std::getenv("HEPDESK_TEMPLATES_DIR"); env != nullptr && *env != '\0') {
        return fs::path(env);
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share/hepdesk/templates";
        if (fs::is_directory(installed, ec)) {
            return installed;
        }
    }
    return fs::path(HEPDESK_SOURCE_TEMPLATES_DIR);
}

fs::path fontPath(const char* fileName) {
    if (const char* env = std::getenv("HEPDESK_FONTS_DIR"); env != nullptr && *env != '\0') {
        return fs::path(env) / fileName;
    }
    return fs::path("/usr/share/fonts/truetype/noto") / fileName;
}

} // namespace hepdesk
