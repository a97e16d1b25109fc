#include "hepdesk/visit/HandoutSnapshot.h"

#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Base64.h"
#include "hepdesk/core/JsonRead.h"

#include <array>
#include <nlohmann/json.hpp>

namespace hepdesk::visit {
namespace {

constexpr int kSnapshotVersion = 1;
std::string_view paperId(handout::HandoutOptions::Paper p) {
    return p == handout::HandoutOptions::Paper::Letter ? "letter" : "a4";
}

/// The assessment as the handout needs it: every eligibility decision, not only those of the
/// program's exercises, because the handout suggests an easier or harder version only when that
/// version is eligible (HandoutComposer): a reprint must decide exactly as at signing.
nlohmann::json assessmentJson(const handout::HandoutRequest& r) {
    return toJson(r.assessment);
}

} // namespace

std::string snapshotToJson(const HandoutSnapshot& s) {
    const handout::HandoutRequest& r = s.request;
    const handout::ClinicInfo& c = r.clinic;
    nlohmann::json clinic{{"name", c.name},
                          {"address", c.address},
                          {"phone", c.phone},
                          {"clinician_name", c.clinicianName},
                          {"clinician_credentials", c.clinicianCredentials},
                          {"logo", c.logo ? nlohmann::json(base64(c.logo->bytes)) : nullptr}};
    nlohmann::json j{{"version", kSnapshotVersion},       {"patient_name", r.patientName},
                     {"session_date", r.sessionDate},     {"clinic", clinic},
                     {"language", r.options.lang},        {"large_print", r.options.largePrint},
                     {"paper", paperId(r.options.paper)}, {"override_reason", r.overrideReason},
                     {"program", toJson(r.program)},      {"finding_ids", r.findingIds},
                     {"assessment", assessmentJson(r)},   {"handout_sha256", s.handoutSha256}};
    // Snapshots from before layout versions had none and mean version 1: written only when
    // later, so such a snapshot's text stays what it was.
    if (r.options.layoutVersion != 1) {
        j["layout_version"] = r.options.layoutVersion;
    }
    // Written only when used, so snapshots of handouts without them read as before.
    if (r.options.exerciseLog) {
        j["exercise_log"] = true;
    }
    if (!r.goals.empty()) {
        j["goals"] = r.goals;
    }
    // nlohmann's object keeps keys sorted: the same snapshot is always the same text.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<HandoutSnapshot> snapshotFromJson(std::string_view text, std::string_view source) {
    auto parsed = json::parse(text, source);
    if (!parsed) {
        return parsed.error();
    }
    const nlohmann::json& j = *parsed;
    const auto bad = [&](std::string_view field) {
        return Error::invalid(std::string(source) + ": field '" + std::string(field) +
                              "' is missing or of the wrong type");
    };
    try {
        if (!j.is_object() || j.value("version", 0) != kSnapshotVersion) {
            return Error::invalid(std::string(source) +
                                  ": not a handout snapshot this version "
                                  "of HepDesk reads (version " +
                                  std::to_string(kSnapshotVersion) + ")");
        }
        HandoutSnapshot s;
        handout::HandoutRequest& r = s.request;
        for (const char* f : {"patient_name", "session_date", "language", "paper",
                              "override_reason", "handout_sha256"}) {
            if (!j.contains(f) || !j.at(f).is_string()) {
                return bad(f);
            }
        }
        r.patientName = j.at("patient_name").get<std::string>();
        r.sessionDate = j.at("session_date").get<std::string>();
        r.options.lang = j.at("language").get<std::string>();
        r.options.largePrint = j.at("large_print").get<bool>();
        const std::string paper = j.at("paper").get<std::string>();
        if (paper != "a4" && paper != "letter") {
            return bad("paper");
        }
        r.options.paper = paper == "letter" ? handout::HandoutOptions::Paper::Letter
                                            : handout::HandoutOptions::Paper::A4;
        r.overrideReason = j.at("override_reason").get<std::string>();
        r.options.layoutVersion = 1;
        if (j.contains("layout_version")) {
            const nlohmann::json& v = j.at("layout_version");
            if (!v.is_number_integer() || v.get<int>() < 1 ||
                v.get<int>() > handout::HandoutOptions::kCurrentLayoutVersion) {
                return Error::invalid(
                    std::string(source) + ": field 'layout_version' is " + v.dump() +
                    "; this version of HepDesk lays out 1 to " +
                    std::to_string(handout::HandoutOptions::kCurrentLayoutVersion));
            }
            r.options.layoutVersion = v.get<int>();
        }
        s.handoutSha256 = j.at("handout_sha256").get<std::string>();
        const nlohmann::json& c = j.at("clinic");
        r.clinic.name = c.at("name").get<std::string>();
        r.clinic.address = c.at("address").get<std::string>();
        r.clinic.phone = c.at("phone").get<std::string>();
        r.clinic.clinicianName = c.at("clinician_name").get<std::string>();
        r.clinic.clinicianCredentials = c.at("clinician_credentials").get<std::string>();
        if (const nlohmann::json& logo = c.at("logo"); !logo.is_null()) {
            auto bytes = unbase64(logo.get<std::string>());
            if (!bytes) {
                return bad("clinic.logo");
            }
            auto image = handout::imageFromBytes(std::move(*bytes), "the clinic's logo");
            if (!image) {
                return image.error();
            }
            r.clinic.logo = *image;
        }
        auto program = programFromJson(j.at("program"), source);
        if (!program) {
            return program.error();
        }
        r.program = std::move(*program);
        r.findingIds = j.at("finding_ids").get<std::set<std::string>>();
        auto assessment = assessmentFromJson(j.at("assessment"), source);
        if (!assessment) {
            return assessment.error();
        }
        r.assessment = std::move(*assessment);
        r.options.exerciseLog = j.value("exercise_log", false);
        if (j.contains("goals")) {
            r.goals = j.at("goals").get<std::vector<std::string>>();
        }
        return s;
    } catch (const nlohmann::json::exception& e) {
        return Error::invalid(std::string(source) + ": " + e.what());
    }
}

} // namespace hepdesk::visit
