#include "hepdesk/core/ScreeningItems.h"

#include "JsonObjectReader.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/OutcomeScoring.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {
using detail::ErrorSink;
using detail::JsonObjectReader;

std::string elem(const JsonObjectReader& r, std::string_view key, std::size_t i) {
    return r.at(key) + "/" + std::to_string(i);
}

/// Bands must tile [lo, hi] without gap or overlap, so every score has exactly one band.
std::vector<Band> readBands(JsonObjectReader& r, std::string_view key, int lo, int hi) {
    std::vector<Band> out;
    const auto* v = r.array(key, 1);
    for (std::size_t i = 0; v != nullptr && i < v->size() && !r.failed(); ++i) {
        const std::string p = elem(r, key, i);
        JsonObjectReader b = r.child((*v)[i], p);
        Band band;
        band.id = b.id("id");
        band.min = b.integer("min", lo, hi, true);
        band.max = b.integer("max", lo, hi, true);
        band.clinicianLabel = b.clinicianText("clinician", band.id);
        b.finish();
        if (r.failed()) {
            break;
        }
        const int expectedMin = out.empty() ? lo : out.back().max + 1;
        if (band.min != expectedMin || band.max < band.min) {
            r.fail(p, "expected a band starting at " + std::to_string(expectedMin) +
                          " and ending at or after it (bands must cover " + std::to_string(lo) +
                          "-" + std::to_string(hi) + " without gaps)");
            break;
        }
        out.push_back(std::move(band));
    }
    if (!r.failed() && !out.empty() && out.back().max != hi) {
        r.fail(r.at(key), "expected the last band to end at " + std::to_string(hi));
    }
    return out;
}

std::vector<QuestionItem> readQuestions(JsonObjectReader& r, std::string_view key, bool startBack) {
    std::vector<QuestionItem> out;
    const auto* v = r.array(key, 1);
    for (std::size_t i = 0; v != nullptr && i < v->size() && !r.failed(); ++i) {
        const std::string p = elem(r, key, i);
        JsonObjectReader q = r.child((*v)[i], p);
        QuestionItem item;
        item.id = q.id("id");
        item.number = static_cast<int>(i) + 1;
        item.clinicianLabel = q.clinicianText("clinician", item.id);
        item.patientLabel = q.text("patient");
        if (startBack) {
            item.number = q.integer("keele_item", 1, 9, true);
            item.maxAnswer = q.integer("max_answer", 1, 4, true);
            item.scoresOneFrom = q.integer("scores_one_from", 1, 4, true);
            item.psychosocial = q.boolean("psychosocial", false);
            if (!r.failed() && item.number != static_cast<int>(i) + 1) {
                r.fail(p + "/keele_item", "expected " + std::to_string(i + 1) +
                                              " (items are listed in Keele's order)");
            }
        } else {
            // One statement per answer 0-5: the clinician picks a meaning, not a bare number.
            item.answers = q.texts("answers", 1);
            if (!r.failed() &&
                item.answers.size() != static_cast<std::size_t>(item.maxAnswer) + 1) {
                r.fail(p + "/answers", "expected " + std::to_string(item.maxAnswer + 1) +
                                           " statements (answers 0-" +
                                           std::to_string(item.maxAnswer) + "), got " +
                                           std::to_string(item.answers.size()));
            }
        }
        q.finish();
        for (const auto& o : out) {
            if (o.id == item.id) {
                r.fail(p + "/id", "\"" + item.id + "\" is listed twice");
            }
        }
        out.push_back(std::move(item));
    }
    return out;
}

DisabilityInstrument readInstrument(JsonObjectReader& top, std::string_view key) {
    DisabilityInstrument d;
    const auto* v = top.get(key, true);
    if (v == nullptr) {
        return d;
    }
    JsonObjectReader r = top.child(*v, top.at(key));
    r.string("source");
    d.sections = readQuestions(r, "sections", false);
    d.minAnsweredReliable = r.integer("min_answered_reliable", 1, 10, true);
    const std::string on = r.oneOf("band_on", {"percent", "total_0_50"});
    d.bandOnPercent = on == "percent";
    d.bands = readBands(r, "bands", 0, d.bandOnPercent ? 100 : 50);
    r.finish();
    if (!r.failed() && d.sections.size() != 10) {
        r.fail(r.at("sections"), "expected 10 sections, got " + std::to_string(d.sections.size()));
    }
    return d;
}

std::string idList(const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) {
        s += s.empty() ? "" : ", ";
        s += id;
    }
    return s;
}

std::string idList(const std::vector<FindingGroup>& groups) {
    std::string s;
    for (const auto& g : groups) {
        s += s.empty() ? "" : ", ";
        s += g.id;
    }
    return s;
}

} // namespace

const QuestionItem* DisabilityInstrument::find(std::string_view id) const {
    for (const auto& s : sections) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

const Band* bandOf(const std::vector<Band>& bands, double value) {
    for (const Band& b : bands) {
        if (value <= static_cast<double>(b.max)) {
            return &b;
        }
    }
    return nullptr;
}

const FindingItem* ScreeningItems::finding(std::string_view id) const {
    for (const auto& f : findings_) {
        if (f.id == id) {
            return &f;
        }
    }
    return nullptr;
}

Result<ScreeningItems> ScreeningItems::loadDir(const std::filesystem::path& rulesDir) {
    ScreeningItems items;
    {
        const std::string file = (rulesDir / "screening_items.json").string();
        auto doc = json::parseFile(file, kMaxJsonFileBytes, "rules file");
        if (!doc) {
            return Error::invalid(doc.error().message);
        }
        ErrorSink sink;
        JsonObjectReader r(*doc, file, "", sink);
        if (const auto* g = r.array("groups", 1)) {
            for (std::size_t i = 0; i < g->size() && !sink.failed(); ++i) {
                JsonObjectReader gr = r.child((*g)[i], elem(r, "groups", i));
                FindingGroup group;
                group.id = gr.id("id");
                group.clinicianLabel = gr.clinicianText("clinician", group.id);
                gr.finish();
                items.groups_.push_back(std::move(group));
            }
        }
        if (const auto* f = r.array("findings", 1)) {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < f->size() && !sink.failed(); ++i) {
                const std::string p = elem(r, "findings", i);
                JsonObjectReader fr = r.child((*f)[i], p);
                FindingItem item;
                item.id = fr.id("id");
                item.group = fr.id("group");
                // Required, so a new item cannot silently drop out of follow-ups.
                item.lasting = fr.oneOf("persistence", {"lasting", "acute"}) == "lasting";
                item.clinicianLabel = fr.clinicianText("clinician", item.id);
                item.patientLabel = fr.text("patient");
                fr.finish();
                if (sink.failed()) {
                    break;
                }
                if (std::none_of(items.groups_.begin(), items.groups_.end(),
                                 [&](const FindingGroup& g) { return g.id == item.group; })) {
                    r.fail(p + "/group", "expected one of the groups (" + idList(items.groups_) +
                                             "), got \"" + item.group + "\"");
                } else if (!seen.insert(item.id).second) {
                    r.fail(p + "/id", "\"" + item.id + "\" is listed twice");
                }
                items.findings_.push_back(std::move(item));
            }
        }
        r.finish();
        if (sink.failed()) {
            return *sink.error;
        }
    }
    const std::string file = (rulesDir / "outcome_measures.json").string();
    auto doc = json::parseFile(file, kMaxJsonFileBytes, "rules file");
    if (!doc) {
        return Error::invalid(doc.error().message);
    }
    ErrorSink sink;
    JsonObjectReader r(*doc, file, "", sink);
    if (const auto* v = r.get("nprs", true)) {
        JsonObjectReader n = r.child(*v, "/nprs");
        n.string("source");
        items.painBands_ = readBands(n, "bands", 0, 10);
        n.finish();
        for (std::size_t i = 0; i < items.painBands_.size() && !sink.failed(); ++i) {
            if (!painBandFromId(items.painBands_[i].id)) {
                n.fail("/nprs/bands/" + std::to_string(i) + "/id",
                       "expected one of none, mild, moderate, severe");
            }
        }
    }
    if (const auto* v = r.get("start_back", true)) {
        JsonObjectReader sb = r.child(*v, "/start_back");
        sb.string("source");
        items.startBack_ = readQuestions(sb, "items", true);
        items.sbLowMax_ = sb.integer("low_risk_max_total", 0, 9, true);
        items.sbHighMin_ = sb.integer("high_risk_min_psychosocial", 0, 5, true);
        sb.finish();
        if (!sink.failed() && items.startBack_.size() != 9) {
            sb.fail("/start_back/items", "expected the 9 STarT Back items");
        }
    }
    items.odi_ = readInstrument(r, "odi");
    items.ndi_ = readInstrument(r, "ndi");
    r.finish();
    if (sink.failed()) {
        return *sink.error;
    }
    return items;
}

Status ScreeningItems::validate(const Screening& s, std::string_view source,
                                const nlohmann::json* doc) const {
    for (const std::string& id : s.findings) {
        if (finding(id) != nullptr) {
            continue;
        }
        std::string ptr = "/findings";
        if (doc != nullptr && doc->is_object() && doc->contains("findings") &&
            (*doc)["findings"].is_array()) {
            const auto& a = (*doc)["findings"];
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (a[i] == id) {
                    ptr += "/" + std::to_string(i);
                    break;
                }
            }
        }
        return json::fieldError(source, ptr,
                                "unknown finding id \"" + id +
                                    "\" (the ids are in templates/rules/screening_items.json; "
                                    "see hepdesk-cli catalog list for exercises)");
    }
    for (const auto& [id, answer] : s.startBack) {
        const QuestionItem* q = nullptr;
        for (const auto& item : startBack_) {
            q = item.id == id ? &item : q;
        }
        if (q == nullptr) {
            std::vector<std::string> ids;
            for (const auto& item : startBack_) {
                ids.push_back(item.id);
            }
            return json::fieldError(source, "/start_back/" + id,
                                    "unknown STarT Back item (expected one of " + idList(ids) +
                                        ")");
        }
        if (answer > q->maxAnswer) {
            return json::fieldError(source, "/start_back/" + id,
                                    "expected a whole number from 0 to " +
                                        std::to_string(q->maxAnswer) + ", got " +
                                        std::to_string(answer));
        }
    }
    for (const auto& [name, instrument, answers] :
         {std::tuple{"odi", &odi_, &s.odi}, std::tuple{"ndi", &ndi_, &s.ndi}}) {
        for (const auto& [id, answer] : *answers) {
            (void)answer; // 0..5 is checked by the screening parser
            if (instrument->find(id) == nullptr) {
                std::vector<std::string> ids;
                for (const auto& item : instrument->sections) {
                    ids.push_back(item.id);
                }
                return json::fieldError(
                    source, std::string("/") + name + "/" + id,
                    std::string("unknown ") +
                        (std::string_view(name) == "odi" ? "ODI section" : "NDI item") +
                        " (expected one of " + idList(ids) + ")");
            }
        }
    }
    return {};
}

} // namespace hepdesk
