#include "TestSupport.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Screening.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <string>
#include <vector>

// Issue 13: the languages and the body regions are listed once, in core (kLanguages,
// kRegions); both front ends read them from there. A front end that spells out its own list
// (a menu of "en", "es", a loop over {Region::Neck, ...}) fails here, naming file and line.
namespace hepdesk {
namespace {
namespace fs = std::filesystem;

struct SourceLine {
    std::string file;
    int number = 0;
    std::string code; ///< the line without its // comment
};

std::vector<SourceLine> frontEndCode() {
    const fs::path app = test::templatesDir().parent_path() / "app";
    std::vector<SourceLine> out;
    for (const char* part : {"gui", "cli"}) {
        for (const auto& entry : fs::recursive_directory_iterator(app / part)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) {
                continue;
            }
            std::ifstream in(entry.path());
            std::string line;
            int n = 0;
            while (std::getline(in, line)) {
                ++n;
                if (const auto c = line.find("//"); c != std::string::npos) {
                    line.resize(c);
                }
                out.push_back({fs::relative(entry.path(), app.parent_path()).string(), n, line});
            }
        }
    }
    return out;
}

TEST(FrontEndLists, NoFrontEndListsItsOwnLanguages) {
    const auto code = frontEndCode();
    ASSERT_GT(code.size(), 1000U) << "the front ends' sources were not found";
    for (const SourceLine& l : code) {
        // The first language is the default ("en") and may be named as such; naming any other
        // language in code is the start of a private list.
        for (std::size_t i = 1; i < std::size(kLanguages); ++i) {
            const std::string literal = "\"" + std::string(kLanguages[i]) + "\"";
            EXPECT_EQ(l.code.find(literal), std::string::npos)
                << l.file << ":" << l.number << " names language " << literal
                << " itself; use kLanguages (hepdesk/core/LocalizedText.h): " << l.code;
        }
    }
}

TEST(FrontEndLists, NoFrontEndListsItsOwnRegions) {
    const std::regex regionList(R"(\{\s*Region::\w+\s*,)");
    for (const SourceLine& l : frontEndCode()) {
        EXPECT_FALSE(std::regex_search(l.code, regionList))
            << l.file << ":" << l.number << " lists regions itself; use kRegions: " << l.code;
        // Region ids appear only in the interface's translation table (labels, not a list).
        if (l.file == "app/gui/Vocabulary.cpp") {
            continue;
        }
        for (Region r : kRegions) {
            const std::string literal = "\"" + std::string(toId(r)) + "\"";
            EXPECT_EQ(l.code.find(literal), std::string::npos)
                << l.file << ":" << l.number << " spells region " << literal << ": " << l.code;
        }
    }
}

TEST(FrontEndLists, TheInterfaceLabelsEveryRegionOfCore) {
    const std::string vocabulary =
        test::readFile(test::templatesDir().parent_path() / "app/gui/Vocabulary.cpp");
    for (Region r : kRegions) {
        EXPECT_NE(vocabulary.find("{\"" + std::string(toId(r)) + "\", QT_TRANSLATE_NOOP"),
                  std::string::npos)
            << "no interface label for region " << toId(r);
    }
}

} // namespace
} // namespace hepdesk
