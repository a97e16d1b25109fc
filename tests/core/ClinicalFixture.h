#pragma once

#include "TestSupport.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Progressions.h"

#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

namespace hepdesk::test {

/// The shipped catalog (with its easier and harder versions) and rules, loaded once for every
/// clinical test.
struct Shipped {
    Catalog catalog;
    ClinicalRules rules;

    static const Shipped& get() {
        static const Shipped s = [] {
            auto c = loadCatalogWithProgressions(templatesDir());
            if (!c) {
                ADD_FAILURE() << c.error().message;
                std::abort();
            }
            auto r = ClinicalRules::loadDir(templatesDir() / "rules", *c);
            if (!r) {
                ADD_FAILURE() << r.error().message;
                std::abort();
            }
            return Shipped{std::move(*c), std::move(*r)};
        }();
        return s;
    }
};

/// Loads the shipped rules from a copy in `dir` in which `file` was edited by `mutate` (to see
/// how a broken rules file is refused). Returns the edited file's path and the load result.
inline std::pair<std::filesystem::path, Result<ClinicalRules>>
loadRulesEdited(const TempDir& dir, const char* file,
                const std::function<void(nlohmann::json&)>& mutate) {
    for (const auto& f : std::filesystem::directory_iterator(templatesDir() / "rules")) {
        std::filesystem::copy_file(f.path(), dir / f.path().filename().string());
    }
    const std::filesystem::path target = dir / file;
    nlohmann::json doc = nlohmann::json::parse(readFile(target));
    mutate(doc);
    writeFile(target, doc.dump(2));
    return {target, ClinicalRules::loadDir(dir.path(), Shipped::get().catalog)};
}

inline Screening screeningWith(std::initializer_list<const char*> findings,
                               std::optional<int> age = std::nullopt) {
    Screening s;
    s.date = "2026-11-22";
    s.age = age;
    s.regions = {Region::LowBack};
    for (const char* f : findings) {
        s.findings.insert(f);
    }
    return s;
}

inline Assessment assessOk(const Screening& s) {
    const auto& sh = Shipped::get();
    auto a = assess(s, sh.rules, sh.catalog);
    if (!a) {
        ADD_FAILURE() << a.error().message;
        return {};
    }
    return std::move(*a);
}

} // namespace hepdesk::test
