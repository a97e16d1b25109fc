#include "hepdesk/core/TriageRules.h"

#include "JsonObjectReader.h"
#include "hepdesk/core/JsonRead.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {
using detail::ErrorSink;
using detail::JsonObjectReader;

constexpr int kMaxDepth = 8;

const std::vector<std::string_view> kConditionKeys = {"finding",
                                                      "any_finding",
                                                      "at_least",
                                                      "all",
                                                      "any",
                                                      "age_at_least",
                                                      "age_at_most",
                                                      "duration_days_at_least",
                                                      "duration_days_at_most",
                                                      "sex",
                                                      "region",
                                                      "recorded",
                                                      "pain_above",
                                                      "not"};
const std::vector<std::string_view> kSexIds = {"unspecified", "female", "male", "other"};
const std::vector<std::string_view> kRegionIds = {"neck", "mid_back", "low_back"};
const std::vector<std::string_view> kRecordedIds = {"odi", "ndi", "start_back"};
const std::vector<std::string_view> kPainIds = {"now", "best", "worst"};

std::optional<int> painOf(const Screening& s, const std::string& id) {
    return id == "now" ? s.pain.now : id == "best" ? s.pain.best : s.pain.worst;
}

void checkFindings(JsonObjectReader& r, std::string_view key, const std::vector<std::string>& ids,
                   const ScreeningItems& items) {
    for (std::size_t i = 0; i < ids.size() && !r.failed(); ++i) {
        if (items.finding(ids[i]) == nullptr) {
            r.fail(r.at(key) + "/" + std::to_string(i),
                   "unknown finding id \"" + ids[i] +
                       "\" (expected an id of screening_items.json)");
        }
    }
}

TriageCondition readCondition(const JsonObjectReader& parent, const nlohmann::json& v,
                              const std::string& ptr, const ScreeningItems& items, int depth) {
    TriageCondition c;
    JsonObjectReader r = parent.child(v, ptr);
    if (r.failed()) {
        return c;
    }
    if (depth > kMaxDepth) {
        r.fail(ptr, "conditions nest deeper than " + std::to_string(kMaxDepth));
        return c;
    }
    std::string kind;
    for (auto k : kConditionKeys) {
        if (r.has(k) && k != "at_least") {
            kind = kind.empty() ? std::string(k) : "two";
        }
    }
    if (r.has("at_least")) {
        kind = kind.empty() ? "at_least" : "two";
    }
    if (kind.empty() || kind == "two") {
        r.fail(ptr, "expected exactly one condition (" + detail::joinIds(kConditionKeys) + ")");
        return c;
    }
    if (kind == "finding") {
        c.kind = TriageCondition::Kind::Finding;
        c.findings = {r.id("finding")};
        if (!r.failed() && items.finding(c.findings[0]) == nullptr) {
            r.fail(r.at("finding"), "unknown finding id \"" + c.findings[0] + "\"");
        }
    } else if (kind == "any_finding") {
        c.kind = TriageCondition::Kind::AnyFinding;
        c.findings = r.ids("any_finding", true, 1);
        checkFindings(r, "any_finding", c.findings, items);
    } else if (kind == "at_least") {
        c.kind = TriageCondition::Kind::AtLeast;
        c.number = r.integer("at_least", 1, 50, true);
        c.findings = r.ids("of", true, 1);
        checkFindings(r, "of", c.findings, items);
        if (!r.failed() && c.number > static_cast<int>(c.findings.size())) {
            r.fail(r.at("at_least"), "expected at most the number of ids in \"of\" (" +
                                         std::to_string(c.findings.size()) + ")");
        }
    } else if (kind == "all" || kind == "any") {
        c.kind = kind == "all" ? TriageCondition::Kind::All : TriageCondition::Kind::Any;
        const auto* a = r.array(kind, 1);
        for (std::size_t i = 0; a != nullptr && i < a->size() && !r.failed(); ++i) {
            c.children.push_back(
                readCondition(r, (*a)[i], r.at(kind) + "/" + std::to_string(i), items, depth + 1));
        }
    } else if (kind == "age_at_least" || kind == "age_at_most") {
        c.kind = kind == "age_at_least" ? TriageCondition::Kind::AgeAtLeast
                                        : TriageCondition::Kind::AgeAtMost;
        c.number = r.integer(kind, 0, 120, true);
    } else if (kind == "duration_days_at_least" || kind == "duration_days_at_most") {
        c.kind = kind == "duration_days_at_least" ? TriageCondition::Kind::DurationAtLeast
                                                  : TriageCondition::Kind::DurationAtMost;
        c.number = r.integer(kind, 0, 36500, true);
    } else if (kind == "sex") {
        c.kind = TriageCondition::Kind::Sex;
        c.findings = {r.oneOf("sex", kSexIds)};
    } else if (kind == "region") {
        c.kind = TriageCondition::Kind::Region;
        c.findings = {r.oneOf("region", kRegionIds)};
    } else if (kind == "recorded") {
        c.kind = TriageCondition::Kind::Recorded;
        c.findings = {r.oneOf("recorded", kRecordedIds)};
    } else if (kind == "pain_above") {
        c.kind = TriageCondition::Kind::PainAbove;
        c.findings = r.ids("pain_above", true, 2, kPainIds);
        if (!r.failed() && c.findings.size() != 2) {
            r.fail(r.at("pain_above"), "expected two pain scores [a, b] (a above b)");
        }
    } else {
        c.kind = TriageCondition::Kind::Not;
        if (const auto* n = r.get("not", true); n != nullptr && !r.failed()) {
            c.children.push_back(readCondition(r, *n, r.at("not"), items, depth + 1));
        }
    }
    r.finish();
    return c;
}

void addUnique(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const auto& s : from) {
        if (std::find(to.begin(), to.end(), s) == to.end()) {
            to.push_back(s);
        }
    }
}

void collectFindings(const TriageCondition& c, std::set<std::string>& out) {
    out.insert(c.findings.begin(), c.findings.end());
    for (const auto& child : c.children) {
        collectFindings(child, out);
    }
}

} // namespace

std::optional<std::vector<std::string>> TriageCondition::evaluate(const Screening& s) const {
    std::vector<std::string> hit;
    switch (kind) {
    case Kind::Finding:
    case Kind::AnyFinding:
    case Kind::AtLeast: {
        for (const auto& f : findings) {
            if (s.findings.contains(f)) {
                hit.push_back(f);
            }
        }
        const std::size_t need = kind == Kind::AtLeast ? static_cast<std::size_t>(number) : 1U;
        if (hit.size() < need) {
            return std::nullopt;
        }
        return hit;
    }
    case Kind::All:
        for (const auto& child : children) {
            auto h = child.evaluate(s);
            if (!h) {
                return std::nullopt;
            }
            addUnique(hit, *h);
        }
        return hit;
    case Kind::Any: {
        bool any = false;
        for (const auto& child : children) {
            if (auto h = child.evaluate(s)) {
                any = true;
                addUnique(hit, *h);
            }
        }
        if (!any) {
            return std::nullopt;
        }
        return hit;
    }
    case Kind::AgeAtLeast:
        if (s.age && *s.age >= number) {
            return std::vector<std::string>{"age"};
        }
        return std::nullopt;
    case Kind::AgeAtMost:
        if (s.age && *s.age <= number) {
            return std::vector<std::string>{"age"};
        }
        return std::nullopt;
    case Kind::DurationAtLeast:
        if (s.durationDays && *s.durationDays >= number) {
            return std::vector<std::string>{"duration_days"};
        }
        return std::nullopt;
    case Kind::DurationAtMost:
        if (s.durationDays && *s.durationDays <= number) {
            return std::vector<std::string>{"duration_days"};
        }
        return std::nullopt;
    case Kind::Sex:
        if (toId(s.sex) == findings.at(0)) {
            return std::vector<std::string>{"sex"};
        }
        return std::nullopt;
    case Kind::Region:
        if (std::any_of(s.regions.begin(), s.regions.end(),
                        [&](Region r) { return toId(r) == findings.at(0); })) {
            return std::vector<std::string>{"regions"};
        }
        return std::nullopt;
    case Kind::Recorded: {
        const auto& id = findings.at(0);
        const bool recorded = id == "odi"   ? !s.odi.empty()
                              : id == "ndi" ? !s.ndi.empty()
                                            : !s.startBack.empty();
        if (recorded) {
            return std::vector<std::string>{id};
        }
        return std::nullopt;
    }
    case Kind::PainAbove: {
        const auto a = painOf(s, findings.at(0));
        const auto b = painOf(s, findings.at(1));
        if (a && b && *a > *b) {
            return std::vector<std::string>{"pain/" + findings[0], "pain/" + findings[1]};
        }
        return std::nullopt;
    }
    case Kind::Not:
        if (children.at(0).evaluate(s)) {
            return std::nullopt;
        }
        return std::vector<std::string>{};
    }
    return std::nullopt;
}

TriageCondition readTriageCondition(const detail::JsonObjectReader& parent, const nlohmann::json& v,
                                    const std::string& ptr, const ScreeningItems& items) {
    return readCondition(parent, v, ptr, items, 0);
}

Result<TriageRules> TriageRules::loadFile(const std::filesystem::path& file,
                                          const ScreeningItems& items) {
    const std::string source = file.string();
    auto doc = json::parseFile(source, kMaxJsonFileBytes, "rules file");
    if (!doc) {
        return Error::invalid(doc.error().message);
    }
    ErrorSink sink;
    JsonObjectReader r(*doc, source, "", sink);
    TriageRules out;
    std::set<std::string> ids;
    const auto* a = r.array("rules", 1);
    for (std::size_t i = 0; a != nullptr && i < a->size() && !sink.failed(); ++i) {
        const std::string p = "/rules/" + std::to_string(i);
        JsonObjectReader rr = r.child((*a)[i], p);
        TriageRule rule;
        rule.id = rr.id("id");
        const std::string level =
            rr.oneOf("level", {"emergency", "urgent_referral", "refer_and_monitor"});
        rule.level = triageLevelFromId(level).value_or(TriageLevel::Routine);
        rule.reason = rr.clinicianText("reason", rule.id);
        rule.source = rr.string("source");
        if (const auto* w = rr.get("when", true); w != nullptr && !sink.failed()) {
            rule.when = readCondition(rr, *w, p + "/when", items, 0);
        }
        rr.finish();
        if (!sink.failed() && !ids.insert(rule.id).second) {
            r.fail(p + "/id", "rule id \"" + rule.id + "\" is used twice");
        }
        out.rules_.push_back(std::move(rule));
    }
    r.finish();
    if (sink.failed()) {
        return *sink.error;
    }

    // Safety checks on the rule set as a whole.
    std::set<std::string> referenced;
    for (const auto& rule : out.rules_) {
        collectFindings(rule.when, referenced);
    }
    for (const FindingItem& f : items.findings()) {
        if (f.group == "cauda_equina") {
            Screening alone;
            alone.findings = {f.id};
            if (levelOf(out.evaluate(alone)) != TriageLevel::Emergency) {
                return json::fieldError(source, "/rules",
                                        "cauda equina sign \"" + f.id +
                                            "\" must on its own give an emergency (add it to an "
                                            "emergency rule)");
            }
        } else if (f.group != "contraindication" && !referenced.contains(f.id)) {
            return json::fieldError(source, "/rules",
                                    "red flag \"" + f.id + "\" (group " + f.group +
                                        ") is used by no rule");
        }
    }
    return out;
}

std::vector<Finding> TriageRules::evaluate(const Screening& s) const {
    std::vector<Finding> out;
    for (const TriageRule& rule : rules_) {
        auto hit = rule.when.evaluate(s);
        if (!hit) {
            continue;
        }
        for (const std::string& item : *hit) {
            out.push_back(Finding{item, rule.id, rule.level, rule.reason.text("en")});
        }
    }
    std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        if (a.level != b.level) {
            return a.level > b.level;
        }
        if (a.itemId != b.itemId) {
            return a.itemId < b.itemId;
        }
        return a.ruleId < b.ruleId;
    });
    return out;
}

const LocalizedText* TriageRules::reasonOf(std::string_view ruleId) const {
    for (const TriageRule& rule : rules_) {
        if (rule.id == ruleId) {
            return &rule.reason;
        }
    }
    return nullptr;
}

const std::string& TriageRules::reasonIn(const Finding& f, std::string_view lang) const {
    const LocalizedText* t = reasonOf(f.ruleId);
    return t != nullptr && t->text("en") == f.reason ? t->text(lang) : f.reason;
}

TriageLevel TriageRules::levelOf(const std::vector<Finding>& findings) {
    TriageLevel level = TriageLevel::Routine;
    for (const Finding& f : findings) {
        level = std::max(level, f.level);
    }
    return level;
}

} // namespace hepdesk
