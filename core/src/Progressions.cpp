#include "hepdesk/core/Progressions.h"

#include "JsonObjectReader.h"
#include "hepdesk/core/JsonRead.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {

using detail::ErrorSink;
using detail::JsonObjectReader;

struct Link {
    std::string easier;
    std::string harder;
    std::string pointer; ///< "/progressions/3", for a cycle's message
};

/// The first exercise from which following `field` comes back, with the path taken.
std::string findCycle(const std::map<std::string, Link>& links, std::string Link::*field,
                      std::string& start) {
    for (const auto& [id, link] : links) {
        std::vector<std::string> path{id};
        std::set<std::string> seen{id};
        std::string cur = id;
        while (true) {
            const auto it = links.find(cur);
            if (it == links.end() || (it->second.*field).empty()) {
                break;
            }
            cur = it->second.*field;
            path.push_back(cur);
            if (!seen.insert(cur).second) {
                if (cur != id) {
                    break; // a cycle further on: reported when the loop reaches its own start
                }
                std::string text;
                for (const auto& p : path) {
                    text += (text.empty() ? "" : " -> ") + p;
                }
                start = id;
                return text;
            }
        }
    }
    return {};
}

} // namespace

Status applyProgressions(const nlohmann::json& j, std::string_view source, Catalog& catalog) {
    return json::guarded(source, [&]() -> Status {
        ErrorSink sink;
        JsonObjectReader r(j, source, "", sink);
        std::map<std::string, Link> links;
        const auto* a = r.array("progressions", 1);
        for (std::size_t i = 0; a != nullptr && i < a->size() && !sink.failed(); ++i) {
            const std::string p = "/progressions/" + std::to_string(i);
            JsonObjectReader pr = r.child((*a)[i], p);
            const std::string id = pr.id("exercise");
            Link link;
            link.easier = pr.id("easier", false);
            link.harder = pr.id("harder", false);
            link.pointer = p;
            pr.finish();
            if (sink.failed()) {
                break;
            }
            const auto isExercise = [&](const std::string& x) {
                const CatalogEntry* e = catalog.find(x);
                return e != nullptr && e->isExercise();
            };
            if (!isExercise(id)) {
                pr.fail(p + "/exercise",
                        "unknown exercise \"" + id + "\" (expected the id of a catalog exercise)");
            } else if (link.easier.empty() && link.harder.empty()) {
                pr.fail(p, "exercise \"" + id + "\" names neither \"easier\" nor \"harder\"");
            }
            for (const auto& [field, value] :
                 {std::pair<std::string_view, const std::string*>{"easier", &link.easier},
                  {"harder", &link.harder}}) {
                if (sink.failed() || value->empty()) {
                    continue;
                }
                const std::string at = p + "/" + std::string(field);
                if (*value == id) {
                    pr.fail(at, "exercise \"" + id + "\" cannot be its own " + std::string(field) +
                                    " version");
                } else if (!isExercise(*value)) {
                    pr.fail(at, "unknown exercise \"" + *value +
                                    "\" (expected the id of a catalog exercise)");
                }
            }
            if (!sink.failed() && !link.easier.empty() && link.easier == link.harder) {
                pr.fail(p + "/harder", "\"" + link.harder +
                                           "\" is both the easier and the harder "
                                           "version of \"" +
                                           id + "\"");
            }
            if (!sink.failed() && !links.emplace(id, link).second) {
                pr.fail(p + "/exercise", "exercise \"" + id + "\" is listed twice");
            }
        }
        r.finish();
        if (sink.failed()) {
            return *sink.error;
        }
        for (const auto& [field, member] :
             {std::pair<std::string_view, std::string Link::*>{"easier", &Link::easier},
              {"harder", &Link::harder}}) {
            std::string start;
            const std::string cycle = findCycle(links, member, start);
            if (!cycle.empty()) {
                return json::fieldError(source, links.at(start).pointer + "/" + std::string(field),
                                        "following \"" + std::string(field) +
                                            "\" comes back to the start: " + cycle);
            }
        }
        for (const auto& [id, link] : links) {
            CatalogEntry e = *catalog.find(id);
            e.easier = link.easier;
            e.harder = link.harder;
            catalog.put(std::move(e));
        }
        return {};
    });
}

Status loadProgressions(const std::filesystem::path& file, Catalog& catalog) {
    auto doc = json::parseFile(file.string(), kMaxJsonFileBytes, "rules file");
    if (!doc) {
        return Error::invalid(doc.error().message);
    }
    return applyProgressions(*doc, file.string(), catalog);
}

Result<Catalog> loadCatalogWithProgressions(const std::filesystem::path& templates) {
    auto catalog = Catalog::loadDir(templates / "catalog");
    if (!catalog) {
        return catalog.error();
    }
    if (auto s = loadProgressions(templates / "rules" / "progressions.json", *catalog); !s) {
        return s.error();
    }
    return catalog;
}

AlternativeOffer alternativeFor(const Catalog& catalog, const Program& program, std::size_t index,
                                Alternative which, const Assessment& assessment) {
    AlternativeOffer o;
    if (index >= program.items.size()) {
        return o;
    }
    const CatalogEntry* e = catalog.find(program.items[index].exerciseId);
    if (e == nullptr) {
        return o;
    }
    o.id = which == Alternative::Easier ? e->easier : e->harder;
    const CatalogEntry* alt = o.id.empty() ? nullptr : catalog.find(o.id);
    if (alt == nullptr || !alt->isExercise()) {
        o.id.clear();
        return o;
    }
    const Eligibility* el = assessment.eligibilityOf(o.id);
    if (el == nullptr) {
        o.status = EligibilityStatus::Excluded;
    } else {
        o.status = el->status;
        o.reasons = el->reasons;
    }
    for (const ProgramItem& it : program.items) {
        o.inProgram = o.inProgram || it.exerciseId == o.id;
    }
    return o;
}

Dosage dosageForAlternative(const Dosage& current, const Dosage& def) {
    const auto carry = [](int cur, int target) {
        if (target == 0) {
            return 0;
        }
        return cur * 2 >= target && cur <= target * 2 ? cur : target;
    };
    Dosage d;
    d.sets = current.sets;
    d.timesPerDay = current.timesPerDay;
    d.reps = carry(current.reps, def.reps);
    d.holdSeconds = carry(current.holdSeconds, def.holdSeconds);
    // The hold keeps the unit it came with: "3 min" stays minutes, a carried "20 s" seconds.
    d.holdUnit = d.holdSeconds == current.holdSeconds ? current.holdUnit : def.holdUnit;
    d.perSide = def.perSide;
    if (!validate(d, "alternative")) {
        return def;
    }
    return d;
}

Status swapForAlternative(Program& program, std::size_t index, Alternative which,
                          const Catalog& catalog, const Assessment& assessment) {
    const AlternativeOffer o = alternativeFor(catalog, program, index, which, assessment);
    const std::string kind = which == Alternative::Easier ? "easier" : "harder";
    if (o.id.empty()) {
        return Error::notFound("no " + kind + " version of this exercise in the catalog");
    }
    const CatalogEntry* alt = catalog.find(o.id);
    const std::string name = alt->name.text("en");
    if (o.status == EligibilityStatus::Excluded) {
        std::string why;
        for (const auto& r : o.reasons) {
            why += (why.empty() ? "" : "; ") + r.findingId + ": " + r.clinicianReason;
        }
        return Error::refused("the " + kind + " version, " + name +
                              ", is excluded for this patient" +
                              (why.empty() ? std::string() : " (" + why + ")"));
    }
    if (o.inProgram) {
        return Error::refused("the " + kind + " version, " + name + ", is already in the program");
    }
    ProgramItem& it = program.items[index];
    it.dosage = dosageForAlternative(it.dosage, alt->defaultDosage);
    it.exerciseId = o.id;
    return {};
}

} // namespace hepdesk
