#include "hepdesk/core/ScreeningChecks.h"

#include "JsonObjectReader.h"
#include "hepdesk/core/JsonRead.h"

#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {
using detail::ErrorSink;
using detail::JsonObjectReader;

// The screening JSON's keys; pain_now stands for "now" inside "pain", and is shown as pain.now.
const std::vector<std::string_view> kFields = {
    "age",           "sex",      "regions", "pain_now", "pain_best", "pain_worst",
    "duration_days", "findings", "odi",     "ndi",      "start_back"};

std::string shownField(const std::string& id) {
    return id.starts_with("pain_") ? "pain." + id.substr(5) : id;
}

} // namespace

std::string ScreeningIssue::text(std::string_view lang) const {
    std::string out;
    for (std::size_t i = 0; i < check->fields.size(); ++i) {
        out += i == 0 ? "" : (i + 1 == check->fields.size() ? " and " : ", ");
        out += shownField(check->fields[i]);
    }
    return out + ": " + check->message.text(lang) + " {check " + check->id + "}";
}

Result<ScreeningChecks> ScreeningChecks::loadFile(const std::filesystem::path& file,
                                                  const ScreeningItems& items) {
    const std::string source = file.string();
    auto doc = json::parseFile(source);
    if (!doc) {
        return Error::invalid(doc.error().message);
    }
    ErrorSink sink;
    JsonObjectReader r(*doc, source, "", sink);
    ScreeningChecks out;
    std::set<std::string> ids;
    const auto* a = r.array("checks", 1);
    for (std::size_t i = 0; a != nullptr && i < a->size() && !sink.failed(); ++i) {
        const std::string p = "/checks/" + std::to_string(i);
        JsonObjectReader cr = r.child((*a)[i], p);
        ScreeningCheck c;
        c.id = cr.id("id");
        c.effect = cr.oneOf("effect", {"refuse", "warn"}) == "refuse"
                       ? ScreeningCheck::Effect::Refuse
                       : ScreeningCheck::Effect::Warn;
        c.fields = cr.ids("fields", true, 1, kFields);
        c.message = cr.clinicianText("message", c.id);
        if (const auto* w = cr.get("when", true); w != nullptr && !sink.failed()) {
            c.when = readTriageCondition(cr, *w, p + "/when", items);
        }
        cr.finish();
        if (!sink.failed() && c.effect == ScreeningCheck::Effect::Refuse && c.fields.size() < 2) {
            r.fail(p + "/fields", "expected the two or more fields that contradict each other");
        }
        if (!sink.failed() && !ids.insert(c.id).second) {
            r.fail(p + "/id", "check id \"" + c.id + "\" is used twice");
        }
        out.checks_.push_back(std::move(c));
    }
    r.finish();
    if (sink.failed()) {
        return *sink.error;
    }
    return out;
}

std::vector<ScreeningIssue> ScreeningChecks::evaluate(const Screening& s) const {
    std::vector<ScreeningIssue> out;
    for (const ScreeningCheck& c : checks_) {
        if (c.when.evaluate(s)) {
            out.push_back(ScreeningIssue{&c});
        }
    }
    return out;
}

Status ScreeningChecks::refuseContradictions(const Screening& s, std::string_view source) const {
    for (const ScreeningIssue& issue : evaluate(s)) {
        if (issue.check->effect == ScreeningCheck::Effect::Refuse) {
            return Error::invalid(std::string(source) +
                                  ": the screening contradicts itself: " + issue.text("en"));
        }
    }
    return {};
}

std::vector<ScreeningIssue> ScreeningChecks::warnings(const Screening& s) const {
    std::vector<ScreeningIssue> out;
    for (const ScreeningIssue& issue : evaluate(s)) {
        if (issue.check->effect == ScreeningCheck::Effect::Warn) {
            out.push_back(issue);
        }
    }
    return out;
}

} // namespace hepdesk
