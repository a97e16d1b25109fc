#include "hepdesk/core/Protocol.h"

#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/ReadFile.h"
#include "hepdesk/core/TextEscape.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>

namespace hepdesk {
namespace {
namespace fs = std::filesystem;

bool hasControl(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) {
        return {};
    }
    return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

} // namespace

Status checkProtocolName(const std::string& name, std::string_view where) {
    const std::string w(where);
    if (trimmed(name).empty()) {
        return Error::invalid(w + ": the protocol needs a name");
    }
    if (trimmed(name) != name) {
        return Error::invalid(w + ": the protocol name \"" + escapeForTerminal(name) +
                              "\" starts or ends with a space");
    }
    if (name.size() > kMaxProtocolNameBytes || hasControl(name)) {
        return Error::invalid(w + ": the protocol name must be one line of at most " +
                              std::to_string(kMaxProtocolNameBytes) + " bytes, got \"" +
                              escapeForTerminal(name.substr(0, 120)) + "\"");
    }
    return {};
}

Status checkProtocol(const std::string& name, const Program& program, const Catalog& catalog,
                     std::string_view where) {
    const std::string w(where);
    if (auto s = checkProtocolName(name, where); !s) {
        return s;
    }
    if (program.items.empty()) {
        return Error::invalid(w + ": the protocol \"" + name + "\" has no exercises");
    }
    std::set<std::string> seen;
    for (const ProgramItem& it : program.items) {
        const CatalogEntry* e = catalog.find(it.exerciseId);
        if (e == nullptr || !e->isExercise()) {
            return Error::invalid(w + ": unknown exercise \"" + escapeForTerminal(it.exerciseId) +
                                  "\" (expected the id of a catalog exercise)");
        }
        if (!seen.insert(it.exerciseId).second) {
            return Error::invalid(w + ": exercise \"" + it.exerciseId + "\" is listed twice");
        }
        if (auto s = validate(it.dosage, w + ": exercise " + it.exerciseId); !s) {
            return s;
        }
    }
    return {};
}

Result<Protocol> shippedProtocolFromJson(const nlohmann::json& j, std::string_view source,
                                         const Catalog& catalog) {
    return json::guarded(source, [&]() -> Result<Protocol> {
        if (!j.is_object()) {
            return json::fieldError(source, "", "expected a protocol object");
        }
        for (const auto& [k, v] : j.items()) {
            if (k != "name" && k != "meant_for" && k != "screening" && k != "exercises") {
                return json::fieldError(source, "/" + k,
                                        "unknown field (expected name, meant_for, screening, "
                                        "exercises)");
            }
        }
        Protocol p;
        p.shipped = true;
        for (const char* key : {"name", "meant_for"}) {
            if (!j.contains(key) || !j[key].is_string() ||
                trimmed(j[key].get<std::string>()).empty()) {
                return json::fieldError(source, std::string("/") + key, "expected text");
            }
        }
        p.name = j["name"].get<std::string>();
        p.meantFor = j["meant_for"].get<std::string>();
        if (!j.contains("screening")) {
            return json::fieldError(source, "/screening",
                                    "missing: the screening this protocol is meant for");
        }
        auto s = screeningFromJson(j["screening"], std::string(source) + ": /screening");
        if (!s) {
            return s.error();
        }
        p.screening = std::move(*s);
        if (!j.contains("exercises")) {
            return json::fieldError(source, "/exercises", "missing");
        }
        auto prog = programFromJson({{"items", j["exercises"]}}, source);
        if (!prog) {
            // programFromJson names /items/N; the file says /exercises/N.
            std::string m = prog.error().message;
            if (const auto at = m.find(": /items"); at != std::string::npos) {
                m.replace(at, 8, ": /exercises");
            }
            return Error::invalid(m);
        }
        p.program = std::move(*prog);
        // An entry without a dosage takes the catalog's default one.
        for (std::size_t i = 0; i < p.program.items.size(); ++i) {
            const CatalogEntry* e = catalog.find(p.program.items[i].exerciseId);
            if (e != nullptr && !j["exercises"][i].contains("dosage")) {
                p.program.items[i].dosage = e->defaultDosage;
            }
        }
        if (auto st = checkProtocol(p.name, p.program, catalog, source); !st) {
            return st.error();
        }
        return p;
    });
}

Result<std::vector<Protocol>> loadShippedProtocols(const fs::path& dir, const Catalog& catalog) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return Error::notFound("protocols folder '" + dir.string() + "' does not exist");
    }
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() == ".json" && p.filename().string().front() != '.') {
            files.push_back(p);
        }
    }
    if (ec) {
        return Error::io("cannot list protocols folder '" + dir.string() + "': " + ec.message());
    }
    std::sort(files.begin(), files.end());
    std::vector<Protocol> out;
    std::set<std::string> names;
    for (const fs::path& f : files) {
        auto doc = json::parseFile(f.string(), kMaxJsonFileBytes, "protocol file");
        if (!doc) {
            return Error::invalid(doc.error().message);
        }
        auto p = shippedProtocolFromJson(*doc, f.string(), catalog);
        if (!p) {
            return p.error();
        }
        if (!names.insert(p->name).second) {
            return json::fieldError(f.string(), "/name",
                                    "the name \"" + p->name + "\" is used by another protocol");
        }
        out.push_back(std::move(*p));
    }
    std::sort(out.begin(), out.end(),
              [](const Protocol& a, const Protocol& b) { return a.name < b.name; });
    return out;
}

nlohmann::json toJson(const Protocol& p) {
    nlohmann::json j = {{"name", p.name}, {"shipped", p.shipped}};
    if (!p.meantFor.empty()) {
        j["meant_for"] = p.meantFor;
    }
    if (!p.createdAt.empty()) {
        j["created_at"] = p.createdAt;
        j["updated_at"] = p.updatedAt;
    }
    j["exercises"] = toJson(p.program)["items"];
    return j;
}

ProtocolApplication applyProtocol(const Program& protocol, const Assessment& assessment,
                                  const Catalog& catalog) {
    ProtocolApplication out;
    for (const ProgramItem& it : protocol.items) {
        const CatalogEntry* e = catalog.find(it.exerciseId);
        if (e == nullptr || !e->isExercise()) {
            out.leftOut.push_back({it.exerciseId, it.exerciseId, {}, {"no longer in the catalog"}});
            continue;
        }
        const Eligibility* el = assessment.eligibilityOf(it.exerciseId);
        if (el != nullptr && el->status == EligibilityStatus::Excluded) {
            ProtocolApplication::LeftOut l{e->id, e->name.text("en"), {}, {}};
            for (const EligibilityReason& r : el->reasons) {
                if (std::find(l.findings.begin(), l.findings.end(), r.findingId) ==
                    l.findings.end()) {
                    l.findings.push_back(r.findingId);
                }
                l.reasons.push_back(r.clinicianReason);
            }
            out.leftOut.push_back(std::move(l));
            continue;
        }
        if (el != nullptr && el->status == EligibilityStatus::Caution) {
            out.cautioned.push_back(e->id);
        }
        out.program.items.push_back(it);
    }
    return out;
}

} // namespace hepdesk
