#include "FuzzSupport.h"

#include "hepdesk/core/JsonRead.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace hepdesk::fuzz {
namespace fs = std::filesystem;

void fail(std::string_view what) {
    std::fprintf(stderr, "hepdesk fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

fs::path templatesDir() {
    return HEPDESK_FUZZ_TEMPLATES_DIR;
}

const Catalog& shippedCatalog() {
    static const Catalog catalog = [] {
        auto c = Catalog::loadDir(templatesDir() / "catalog");
        if (!c) {
            fail(c.error().message);
        }
        return std::move(*c);
    }();
    return catalog;
}

const ClinicalRules& shippedRules() {
    static const ClinicalRules rules = [] {
        auto r = ClinicalRules::loadDir(templatesDir() / "rules", shippedCatalog());
        if (!r) {
            fail(r.error().message);
        }
        return std::move(*r);
    }();
    return rules;
}

const std::vector<Screening>& exampleScreenings() {
    static const std::vector<Screening> examples = [] {
        std::vector<Screening> out;
        for (const auto& e : fs::directory_iterator(templatesDir() / "schema" / "examples")) {
            auto j = json::parseFile(e.path().string());
            auto s = j ? screeningFromJson(*j, e.path().string()) : Result<Screening>(j.error());
            if (!s) {
                fail(s.error().message);
            }
            out.push_back(std::move(*s));
        }
        return out;
    }();
    return examples;
}

namespace {
struct Scratch {
    fs::path path;
    Scratch() {
        std::string tmpl = (fs::temp_directory_path() / "hepdesk-fuzz-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) {
            fail("cannot create a scratch folder");
        }
        path = tmpl;
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};
} // namespace

const fs::path& scratchDir() {
    static const Scratch scratch;
    return scratch.path;
}

void writeFile(const fs::path& p, std::string_view bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        fail("cannot write " + p.string());
    }
}

} // namespace hepdesk::fuzz
