#include "hepdesk/visit/ProtocolLibrary.h"

#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/db/ProtocolRepository.h"

#include <algorithm>

namespace hepdesk::visit {
namespace {

/// ASCII case folding: enough to tell "neck" from "Neck" in a protocol name (SQLite's NOCASE
/// folds ASCII only, too).
std::string folded(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return out;
}

Error readOnly(std::string_view name) {
    return Error::refused("\"" + std::string(name) +
                          "\" is a shipped protocol and cannot be changed: save a copy under "
                          "another name");
}

} // namespace

std::vector<std::string> AppliedProtocol::leftOutMessages() const {
    std::vector<std::string> out;
    for (const auto& l : leftOut) {
        std::string m = "left out " + l.exerciseName;
        if (l.exerciseName != l.exerciseId) {
            m += " (" + l.exerciseId + ")";
        }
        if (l.findings.empty()) {
            m += ": " + (l.reasons.empty() ? std::string("not eligible") : l.reasons.front());
        } else {
            std::string f;
            for (const auto& x : l.findings) {
                f += (f.empty() ? "" : ", ") + x;
            }
            m += ": excluded by " + f;
            for (const auto& r : l.reasons) {
                m += "; " + r;
            }
        }
        out.push_back(std::move(m));
    }
    return out;
}

ProtocolLibrary::ProtocolLibrary(db::ProtocolRepository& saved, const Catalog& catalog,
                                 const ClinicalRules& rules, std::vector<Protocol> shipped)
    : saved_(&saved), catalog_(&catalog), rules_(&rules), shipped_(std::move(shipped)) {}

Result<ProtocolLibrary> ProtocolLibrary::load(const std::filesystem::path& templates,
                                              db::ProtocolRepository& saved, const Catalog& catalog,
                                              const ClinicalRules& rules) {
    const std::filesystem::path dir =
        (templates.empty() ? templatesDir() : templates) / "protocols";
    auto shipped = loadShippedProtocols(dir, catalog);
    if (!shipped) {
        return shipped.error();
    }
    return ProtocolLibrary(saved, catalog, rules, std::move(*shipped));
}

const Protocol* ProtocolLibrary::shippedNamed(std::string_view name) const {
    const std::string key = folded(name);
    for (const Protocol& p : shipped_) {
        if (folded(p.name) == key) {
            return &p;
        }
    }
    return nullptr;
}

Result<std::vector<Protocol>> ProtocolLibrary::list() const {
    auto saved = saved_->list();
    if (!saved) {
        return saved.error();
    }
    std::vector<Protocol> out = shipped_;
    out.insert(out.end(), std::make_move_iterator(saved->begin()),
               std::make_move_iterator(saved->end()));
    return out;
}

Result<Protocol> ProtocolLibrary::find(std::string_view name) const {
    if (const Protocol* p = shippedNamed(name)) {
        return *p;
    }
    return saved_->get(name);
}

Status ProtocolLibrary::save(const std::string& name, const Program& program, bool replace) {
    if (shippedNamed(name) != nullptr) {
        return readOnly(name);
    }
    if (auto s = checkProtocol(name, program, *catalog_, "protocol \"" + name + "\""); !s) {
        return s;
    }
    Protocol p;
    p.name = name;
    p.program = program;
    return saved_->save(p, replace);
}

Status ProtocolLibrary::rename(std::string_view from, const std::string& to) {
    if (shippedNamed(from) != nullptr) {
        return readOnly(from);
    }
    if (shippedNamed(to) != nullptr) {
        return Error::refused("\"" + to + "\" is the name of a shipped protocol: choose another");
    }
    return saved_->rename(from, to);
}

Status ProtocolLibrary::remove(std::string_view name) {
    if (shippedNamed(name) != nullptr) {
        return readOnly(name);
    }
    return saved_->remove(name);
}

Result<AppliedProtocol> ProtocolLibrary::apply(std::string_view name, const Screening& screening,
                                               const Program& current, bool replace) const {
    auto assessment = assess(screening, *rules_, *catalog_);
    if (!assessment) {
        return assessment.error();
    }
    return apply(name, *assessment, current, replace);
}

Result<AppliedProtocol> ProtocolLibrary::apply(std::string_view name, const Assessment& assessment,
                                               const Program& current, bool replace) const {
    auto protocol = find(name);
    if (!protocol) {
        return protocol.error();
    }
    const ProtocolApplication checked = applyProtocol(protocol->program, assessment, *catalog_);
    AppliedProtocol out;
    out.name = protocol->name;
    out.leftOut = checked.leftOut;
    if (!replace) {
        out.program = current;
    }
    for (const ProgramItem& it : checked.program.items) {
        const bool there =
            std::any_of(out.program.items.begin(), out.program.items.end(),
                        [&](const ProgramItem& x) { return x.exerciseId == it.exerciseId; });
        if (there) {
            out.alreadyThere.push_back(it.exerciseId);
            continue;
        }
        out.program.items.push_back(it);
        out.added.push_back(it.exerciseId);
    }
    for (const std::string& id : checked.cautioned) {
        const Eligibility* el = assessment.eligibilityOf(id);
        for (const EligibilityReason& r : el->reasons) {
            out.cautions.push_back(id + ": " + r.clinicianReason);
        }
    }
    return out;
}

} // namespace hepdesk::visit
