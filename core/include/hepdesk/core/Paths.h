#pragma once

#include <filesystem>

namespace hepdesk {

/// The folder holding catalog/, rules/, strings/ and schema/.
/// Order: $HEPDESK_TEMPLATES_DIR; the installed data folder beside the executable
/// (<prefix>/share/hepdesk/templates); the source tree of a build-tree run.
std::filesystem::path templatesDir();

/// A font file of the Noto Sans family ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf").
/// Order: $HEPDESK_FONTS_DIR, then Debian's fonts-noto-core location.
std::filesystem::path fontPath(const char* fileName);

} // namespace hepdesk
