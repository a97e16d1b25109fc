#include "hepdesk/core/EligibilityRules.h"

#include "JsonObjectReader.h"
#include "hepdesk/core/JsonRead.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {
using detail::ErrorSink;
using detail::JsonObjectReader;

template <class T, class U> bool intersects(const std::vector<T>& a, const std::vector<U>& b) {
    return std::any_of(a.begin(), a.end(),
                       [&](const T& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

const std::vector<std::string_view> kMovementIds = {
    "flexion", "extension", "rotation", "side_bend", "traction", "soft_tissue", "breathing"};
const std::vector<std::string_view> kRegionIds = {"neck", "mid_back", "low_back"};

EligibilityMatch readMatch(JsonObjectReader& r, const std::vector<std::string_view>& tagIds) {
    EligibilityMatch m;
    for (const auto& id : r.ids("movements", false, 1, kMovementIds)) {
        m.movements.push_back(*movementFromId(id));
    }
    m.tags = r.ids("tags", false, 1, tagIds);
    for (const auto& id : r.ids("regions", false, 1, kRegionIds)) {
        m.regions.push_back(*regionFromId(id));
    }
    m.exercises = r.ids("exercises", false, 1);
    m.painfulRegion = r.boolean("painful_region", false);
    m.unlessTags = r.ids("unless_tags", false, 1, tagIds);
    r.finish();
    if (!r.failed() && m.movements.empty() && m.tags.empty() && m.regions.empty() &&
        m.exercises.empty() && !m.painfulRegion) {
        r.fail(r.pointer(), "expected at least one of movements, tags, regions, exercises, "
                            "painful_region (an empty match would hit every exercise)");
    }
    return m;
}

/// templates/rules/tags.json: {"tags": [{"id": ..., "clinician": {"en": ..., "es": ...}}]}.
Result<std::vector<ExerciseTag>> loadTags(const std::filesystem::path& file) {
    const std::string source = file.string();
    auto doc = json::parseFile(source);
    if (!doc) {
        return Error::invalid(doc.error().message);
    }
    ErrorSink sink;
    JsonObjectReader r(*doc, source, "", sink);
    std::vector<ExerciseTag> out;
    std::set<std::string> seen;
    const auto* a = r.array("tags", 1);
    for (std::size_t i = 0; a != nullptr && i < a->size() && !sink.failed(); ++i) {
        const std::string p = "/tags/" + std::to_string(i);
        JsonObjectReader tr = r.child((*a)[i], p);
        ExerciseTag tag;
        tag.id = tr.id("id");
        tag.clinicianLabel = tr.clinicianText("clinician", tag.id);
        tr.finish();
        if (!sink.failed() && !seen.insert(tag.id).second) {
            r.fail(p + "/id", "tag \"" + tag.id + "\" is declared twice");
        }
        out.push_back(std::move(tag));
    }
    r.finish();
    if (sink.failed()) {
        return *sink.error;
    }
    return out;
}

} // namespace

bool hasTag(const CatalogEntry& e, const std::string& tag) {
    // The position counts as a tag: a clinic's own exercise, which lists no tags, still meets
    // the rules on its position (a pregnant patient's caution on lying face down).
    return e.position == tag || std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end();
}

bool EligibilityMatch::matches(const CatalogEntry& e, const Screening& s) const {
    const auto anyTag = [&](const std::vector<std::string>& ts) {
        return std::any_of(ts.begin(), ts.end(),
                           [&](const std::string& t) { return hasTag(e, t); });
    };
    if (!movements.empty() && !intersects(e.movements, movements)) {
        return false;
    }
    if (!tags.empty() && !anyTag(tags)) {
        return false;
    }
    if (!regions.empty() && !intersects(e.regions, regions)) {
        return false;
    }
    if (!exercises.empty() &&
        std::find(exercises.begin(), exercises.end(), e.id) == exercises.end()) {
        return false;
    }
    if (painfulRegion && !s.regions.empty() && !intersects(e.regions, s.regions)) {
        return false;
    }
    return !anyTag(unlessTags);
}

Result<EligibilityRules> EligibilityRules::loadFile(const std::filesystem::path& file,
                                                    const ScreeningItems& items) {
    const std::string source = file.string();
    auto doc = json::parseFile(source, kMaxJsonFileBytes, "rules file");
    if (!doc) {
        return Error::invalid(doc.error().message);
    }
    EligibilityRules out;
    out.file_ = file;
    out.tagsFile_ = file.parent_path() / "tags.json";
    auto tags = loadTags(out.tagsFile_);
    if (!tags) {
        return tags.error();
    }
    out.tags_ = std::move(*tags);
    std::vector<std::string_view> tagIds;
    for (const auto& t : out.tags_) {
        tagIds.emplace_back(t.id);
    }
    ErrorSink sink;
    JsonObjectReader r(*doc, source, "", sink);
    std::set<std::string> ids;
    const auto* a = r.array("rules", 1);
    for (std::size_t i = 0; a != nullptr && i < a->size() && !sink.failed(); ++i) {
        const std::string p = "/rules/" + std::to_string(i);
        JsonObjectReader rr = r.child((*a)[i], p);
        EligibilityRule rule;
        rule.id = rr.id("id");
        rule.findings = rr.ids("findings", true, 1);
        for (std::size_t k = 0; k < rule.findings.size() && !sink.failed(); ++k) {
            if (items.finding(rule.findings[k]) == nullptr) {
                rr.fail(p + "/findings/" + std::to_string(k),
                        "unknown finding id \"" + rule.findings[k] +
                            "\" (expected an id of screening_items.json)");
            }
        }
        const std::string effect = rr.oneOf("effect", {"exclude", "caution"});
        rule.effect =
            effect == "exclude" ? EligibilityStatus::Excluded : EligibilityStatus::Caution;
        if (const auto* m = rr.get("match", true); m != nullptr && !sink.failed()) {
            JsonObjectReader mr = rr.child(*m, p + "/match");
            rule.match = readMatch(mr, tagIds);
        }
        rule.reason = rr.clinicianText("reason", rule.id);
        if (effect == "caution") {
            rule.patientNote = rr.text("patient_note");
        }
        rr.finish(); // an exclude rule with a patient_note is reported as an unknown field
        if (!sink.failed() && !ids.insert(rule.id).second) {
            r.fail(p + "/id", "rule id \"" + rule.id + "\" is used twice");
        }
        out.rules_.push_back(std::move(rule));
    }
    r.finish();
    if (sink.failed()) {
        return *sink.error;
    }
    return out;
}

Status EligibilityRules::checkAgainst(const Catalog& catalog) const {
    std::set<std::string> tags;
    for (const auto& e : catalog.entries()) {
        if (!e.isExercise()) {
            continue;
        }
        for (std::size_t i = 0; i < e.tags.size(); ++i) {
            if (std::none_of(tags_.begin(), tags_.end(),
                             [&](const ExerciseTag& t) { return t.id == e.tags[i]; })) {
                return json::fieldError("catalog entry " + e.id, "/tags/" + std::to_string(i),
                                        "tag \"" + e.tags[i] + "\" is not declared in " +
                                            tagsFile_.string() +
                                            " (the rules match exercises on declared tags)");
            }
        }
        tags.insert(e.tags.begin(), e.tags.end());
        tags.insert(e.position);
    }
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        const auto& m = rules_[i].match;
        const std::string p = "/rules/" + std::to_string(i) + "/match";
        for (const auto* list : {&m.tags, &m.unlessTags}) {
            for (const auto& t : *list) {
                if (!tags.contains(t)) {
                    return json::fieldError(file_.string(), p,
                                            "tag \"" + t + "\" is on no catalog exercise");
                }
            }
        }
        for (const auto& id : m.exercises) {
            const CatalogEntry* e = catalog.find(id);
            if (e == nullptr || !e->isExercise()) {
                return json::fieldError(file_.string(), p + "/exercises",
                                        "\"" + id + "\" is not a catalog exercise");
            }
        }
    }
    return {};
}

const LocalizedText* EligibilityRules::reasonOf(std::string_view ruleId) const {
    for (const EligibilityRule& rule : rules_) {
        if (rule.id == ruleId) {
            return &rule.reason;
        }
    }
    return nullptr;
}

const std::string& EligibilityRules::reasonIn(const EligibilityReason& r,
                                              std::string_view lang) const {
    const LocalizedText* t = reasonOf(r.ruleId);
    return t != nullptr && t->text("en") == r.clinicianReason ? t->text(lang) : r.clinicianReason;
}

Eligibility EligibilityRules::evaluate(const CatalogEntry& exercise, const Screening& s) const {
    Eligibility out;
    out.exerciseId = exercise.id;
    std::vector<EligibilityReason> cautions;
    std::vector<EligibilityReason> exclusions;
    for (const EligibilityRule& rule : rules_) {
        std::vector<std::string> present;
        for (const auto& f : rule.findings) {
            if (s.findings.contains(f)) {
                present.push_back(f);
            }
        }
        if (present.empty() || !rule.match.matches(exercise, s)) {
            continue;
        }
        auto& to = rule.effect == EligibilityStatus::Excluded ? exclusions : cautions;
        for (const auto& f : present) {
            to.push_back(EligibilityReason{f, rule.id, rule.reason.text("en"), rule.patientNote});
        }
    }
    if (!exclusions.empty()) {
        out.status = EligibilityStatus::Excluded;
        out.reasons = std::move(exclusions);
    } else if (!cautions.empty()) {
        out.status = EligibilityStatus::Caution;
        out.reasons = std::move(cautions);
    }
    return out;
}

} // namespace hepdesk
