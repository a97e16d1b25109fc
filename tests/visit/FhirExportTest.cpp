#include "hepdesk/visit/FhirExport.h"

#include "VisitFixture.h"
#include "hepdesk/core/FhirIds.h"
#include "hepdesk/core/Sha256.h"

#include <map>
#include <nlohmann/json.hpp>

// The FHIR R4 export read back as a receiving health record would: every score, finding,
// exercise and the handout (its bytes and SHA-256) can be found in the Bundle, and the same
// session always exports the same bytes.
namespace hepdesk::visit::test {
namespace {

using nlohmann::json;

constexpr std::string_view kMeasure = "https://hepdesk.invalid/fhir/CodeSystem/measure";
constexpr std::string_view kFinding = "https://hepdesk.invalid/fhir/CodeSystem/finding";
constexpr std::string_view kExercise = "https://hepdesk.invalid/fhir/CodeSystem/exercise";
constexpr std::string_view kOverrideKind = "https://hepdesk.invalid/fhir/CodeSystem/override-kind";

std::string unbase64(std::string_view text) {
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::uint32_t v = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=') {
            break;
        }
        v = (v << 6) | static_cast<std::uint32_t>(kAlphabet.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((v >> bits) & 0xFFU);
        }
    }
    return out;
}

class FhirExportTest : public VisitFixture {
protected:
    /// A signed session with every measure (NPRS, ODI, NDI, STarT Back), two findings, two
    /// exercises (one with a note), an addendum; its id.
    std::int64_t signedSession() {
        auto doc = json::parse(hepdesk::test::readFile(hepdesk::test::templatesDir() / "schema" /
                                                       "examples" / "low-back-osteoporosis.json"));
        doc["ndi"] = {{"pain_intensity", 2}, {"reading", 1}, {"headaches", 3}};
        doc["psfs"] = json::array({{{"activity", "Lifting my grandson"}, {"rating", 3}},
                                   {{"activity", "Standing to cook"}, {"rating", nullptr}},
                                   {{"activity", "Walking to the market"}, {"rating", 6}}});
        auto screening = screeningFromJson(doc, "test screening");
        EXPECT_TRUE(screening.ok()) << screening.error().message;
        auto started = visit().start(patientId_, {clinicianId_, {}, std::nullopt, {}});
        EXPECT_TRUE(started.ok());
        Session s = started->session;
        s.screening = *screening;
        for (const char* id : {"cat_cow", "pelvic_tilt"}) {
            const CatalogEntry* e = visit().catalog().find(id);
            EXPECT_NE(e, nullptr) << id;
            s.program.items.push_back(ProgramItem{id, e->defaultDosage, ""});
        }
        s.program.items[1].dosage = Dosage{3, 12, 5, 2, true};
        s.program.items[1].note = "Stop if the leg pain spreads";
        auto saved = visit().saveDraft(s);
        EXPECT_TRUE(saved.ok()) << saved.error().message;
        auto signedSession = visit().sign(s.id, clinicianId_);
        EXPECT_TRUE(signedSession.ok()) << signedSession.error().message;
        signedSha_ = signedSession->handoutSha256;
        EXPECT_TRUE(visit().addAddendum(s.id, clinicianId_, "Called: pain is better").ok());
        return s.id;
    }

    FhirExport exporter(FhirExportOptions options = {}) {
        return FhirExport(Repositories{*patients_, *sessions_, *clinicians_, *clinicRepo_}, visit(),
                          std::move(options));
    }

    static std::vector<json> resources(const json& bundle, std::string_view type) {
        std::vector<json> out;
        for (const json& e : bundle.at("entry")) {
            if (e.at("resource").at("resourceType") == type) {
                out.push_back(e.at("resource"));
            }
        }
        return out;
    }

    static bool hasCoding(const json& codeable, std::string_view system, std::string_view code) {
        for (const json& c : codeable.value("coding", json::array())) {
            if (c.value("system", "") == system && c.value("code", "") == code) {
                return true;
            }
        }
        return false;
    }

    /// The value of the Observation coded `code` in HepDesk's measure CodeSystem.
    static std::optional<json> observed(const json& bundle, std::string_view code) {
        for (const json& o : resources(bundle, "Observation")) {
            if (hasCoding(o.at("code"), kMeasure, code)) {
                return o.contains("valueQuantity") ? o.at("valueQuantity").at("value")
                                                   : o.at("valueCodeableConcept");
            }
        }
        return std::nullopt;
    }

    std::string signedSha_;
};

TEST_F(FhirExportTest, ABundleReadBackHoldsEveryScoreFindingExerciseAndTheHandout) {
    const std::int64_t id = signedSession();
    auto text = exporter().session(id);
    ASSERT_TRUE(text.ok()) << text.error().message;
    const json bundle = json::parse(*text);
    auto stored = sessions_->get(id);
    ASSERT_TRUE(stored.ok());
    const SessionScores& sc = stored->scores;
    ASSERT_TRUE(sc.painNow && sc.painBest && sc.painWorst && sc.odiPercent && sc.ndiPercent &&
                sc.startBackTotal && sc.startBackPsychosocial && sc.startBackRisk);

    EXPECT_EQ(bundle.at("type"), "collection");
    // The patient with the record number in the default identifier system.
    const auto patients = resources(bundle, "Patient");
    ASSERT_EQ(patients.size(), 1U);
    EXPECT_EQ(patients[0].at("name")[0].at("text"), "María López");
    EXPECT_EQ(patients[0].at("birthDate"), "1970-03-04");
    EXPECT_EQ(patients[0].at("identifier")[0].at("system"), fhir::kDefaultRecordNumberSystem);
    EXPECT_EQ(patients[0].at("identifier")[0].at("value"), "A-1");
    EXPECT_EQ(resources(bundle, "Practitioner")[0].at("name")[0].at("text"), "Ana Gil");
    EXPECT_EQ(resources(bundle, "Organization")[0].at("name"), "Riverside Physical Therapy");

    // Every score, with the public code where one is confirmed.
    EXPECT_EQ(observed(bundle, "nprs-now"), json(*sc.painNow));
    EXPECT_EQ(observed(bundle, "nprs-best"), json(*sc.painBest));
    EXPECT_EQ(observed(bundle, "nprs-worst"), json(*sc.painWorst));
    EXPECT_NEAR(observed(bundle, "odi-percent")->get<double>(), *sc.odiPercent, 0.05);
    EXPECT_NEAR(observed(bundle, "ndi-percent")->get<double>(), *sc.ndiPercent, 0.05);
    EXPECT_EQ(observed(bundle, "start-back-total"), json(*sc.startBackTotal));
    EXPECT_EQ(observed(bundle, "start-back-psychosocial"), json(*sc.startBackPsychosocial));
    EXPECT_EQ(observed(bundle, "start-back-risk")->at("coding")[0].at("code"),
              riskId(*sc.startBackRisk));
    // PSFS: each rated activity in the patient's words, then the mean of the rated ones; the
    // activity not rated yet is left out.
    ASSERT_TRUE(sc.psfsMean);
    std::map<std::string, int> psfs;
    for (const json& o : resources(bundle, "Observation")) {
        if (hasCoding(o.at("code"), kMeasure, "psfs-activity")) {
            psfs[o.at("code").at("text")] = o.at("valueInteger");
        }
    }
    EXPECT_EQ(psfs, (std::map<std::string, int>{{"Lifting my grandson", 3},
                                                {"Walking to the market", 6}}));
    EXPECT_NEAR(observed(bundle, "psfs-mean")->get<double>(), 4.5, 1e-9);
    int loincPain = 0;
    for (const json& o : resources(bundle, "Observation")) {
        loincPain += hasCoding(o.at("code"), "http://loinc.org", "72514-3") ? 1 : 0;
    }
    EXPECT_EQ(loincPain, 1);

    // Every finding ticked, coded by its id, the clinician's label as text.
    for (const std::string& finding : stored->screening.findings) {
        bool found = false;
        for (const json& o : resources(bundle, "Observation")) {
            if (hasCoding(o.at("code"), kFinding, finding)) {
                found = true;
                EXPECT_EQ(o.at("code").at("text"),
                          visit().rules().items().finding(finding)->clinicianLabel.text("en"));
            }
        }
        EXPECT_TRUE(found) << finding;
    }
    // The triage and each of its reasons.
    const auto risk = resources(bundle, "RiskAssessment");
    ASSERT_EQ(risk.size(), 1U);
    EXPECT_EQ(risk[0].at("prediction")[0].at("qualitativeRisk").at("coding")[0].at("code"),
              toId(stored->triage));
    ASSERT_EQ(risk[0].at("prediction").size(), stored->findings.size() + 1);
    for (std::size_t i = 0; i < stored->findings.size(); ++i) {
        EXPECT_EQ(risk[0].at("prediction")[i + 1].at("rationale"), stored->findings[i].reason);
    }
    // The answers of the three questionnaires.
    EXPECT_EQ(resources(bundle, "QuestionnaireResponse").size(), 3U);
    EXPECT_EQ(resources(bundle, "Questionnaire").size(), 3U);

    // Every exercise with its dosage.
    const auto requests = resources(bundle, "ServiceRequest");
    ASSERT_EQ(requests.size(), 2U);
    EXPECT_TRUE(hasCoding(requests[0].at("code"), kExercise, "cat_cow"));
    EXPECT_TRUE(hasCoding(requests[1].at("code"), kExercise, "pelvic_tilt"));
    EXPECT_TRUE(hasCoding(requests[1].at("code"), "http://snomed.info/sct", "229065009"));
    EXPECT_EQ(requests[1].at("patientInstruction"),
              "3 sets of 12 repetitions, hold 5 seconds, 2 times a day, each side. Stop if the "
              "leg pain spreads");
    EXPECT_EQ(requests[1].at("occurrenceTiming").at("repeat").at("frequency"), 2);
    const auto plans = resources(bundle, "CarePlan");
    ASSERT_EQ(plans.size(), 1U);
    EXPECT_EQ(plans[0].at("status"), "active");
    EXPECT_EQ(plans[0].at("activity").size(), 2U);

    // The handout: the bytes as signed, their SHA-256 and size.
    ASSERT_FALSE(signedSha_.empty());
    const auto docs = resources(bundle, "DocumentReference");
    ASSERT_EQ(docs.size(), 1U);
    EXPECT_EQ(docs[0].at("identifier")[0].at("value"), signedSha_);
    const json& attachment = docs[0].at("content")[0].at("attachment");
    EXPECT_EQ(attachment.at("contentType"), "application/pdf");
    const std::string pdf = unbase64(attachment.at("data").get<std::string>());
    EXPECT_TRUE(pdf.starts_with("%PDF-"));
    EXPECT_EQ(sha256Hex(pdf), signedSha_);
    EXPECT_EQ(attachment.at("size"), pdf.size());

    // Who signed and when; the addendum with its author and time.
    const auto provenance = resources(bundle, "Provenance");
    ASSERT_EQ(provenance.size(), 2U);
    EXPECT_EQ(provenance[0].at("recorded"), stored->signedAt);
    EXPECT_EQ(provenance[0].at("signature")[0].at("when"), stored->signedAt);
    EXPECT_EQ(provenance[1].at("recorded"), stored->addenda[0].createdAt);
    EXPECT_EQ(provenance[1].at("reason")[0].at("text"), "Called: pain is better");
    EXPECT_EQ(provenance[1].at("agent")[0].at("who").at("reference"),
              fhir::nameUuid("clinician/" + std::to_string(clinicianId_)));
}

TEST_F(FhirExportTest, TheSameSessionExportsByteIdenticalAndIdsComeFromTheSession) {
    const std::int64_t id = signedSession();
    auto first = exporter().session(id);
    auto second = exporter().session(id);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(*first, *second);
    // A workflow opened afresh (another run of the program) gives the same bytes too.
    auto fresh = openClinic(hepdesk::test::templatesDir());
    ASSERT_TRUE(fresh);
    FhirExport other(Repositories{*patients_, *sessions_, *clinicians_, *clinicRepo_},
                     *fresh->workflow);
    auto third = other.session(id);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(*first, *third);

    const json bundle = json::parse(*first);
    EXPECT_EQ(bundle.at("entry")[0].at("fullUrl"),
              fhir::nameUuid("patient/" + std::to_string(patientId_)));
    std::set<std::string> urls;
    for (const json& e : bundle.at("entry")) {
        EXPECT_TRUE(e.at("fullUrl").get<std::string>().starts_with("urn:uuid:"));
        EXPECT_TRUE(urls.insert(e.at("fullUrl")).second) << e.at("fullUrl");
    }
    // The whole patient holds the same session under the same ids.
    auto whole = exporter().patient(patientId_);
    ASSERT_TRUE(whole.ok());
    EXPECT_NE(*whole, *first); // the Bundle's own id differs
    EXPECT_EQ(json::parse(*whole).at("entry"), bundle.at("entry"));
}

TEST_F(FhirExportTest, TheRecordNumberSystemIsTheExportsThenTheClinicsThenTheDefault) {
    const std::int64_t id = signedSession();
    const auto systemOf = [&](FhirExportOptions options) {
        auto text = exporter(std::move(options)).session(id);
        EXPECT_TRUE(text.ok());
        return json::parse(*text).at("entry")[0].at("resource").at("identifier")[0].at("system");
    };
    EXPECT_EQ(systemOf({}), fhir::kDefaultRecordNumberSystem);
    EXPECT_EQ(systemOf({"urn:oid:1.2.840.99", "en"}), "urn:oid:1.2.840.99");
    ClinicSettings clinic = *clinicRepo_->load();
    clinic.recordSystem = "https://riverside.example/fhir/mrn";
    ASSERT_TRUE(clinicRepo_->save(clinic).ok());
    EXPECT_EQ(systemOf({}), "https://riverside.example/fhir/mrn");
    EXPECT_EQ(systemOf({"urn:oid:1.2.840.99", "en"}), "urn:oid:1.2.840.99");
}

TEST_F(FhirExportTest, ADraftWithoutAProgramExportsWithoutAHandoutOrSignature) {
    Session s = draft({}, {});
    auto text = exporter().session(s.id);
    ASSERT_TRUE(text.ok()) << text.error().message;
    const json bundle = json::parse(*text);
    EXPECT_TRUE(resources(bundle, "DocumentReference").empty());
    EXPECT_TRUE(resources(bundle, "Provenance").empty());
    EXPECT_TRUE(resources(bundle, "CarePlan").empty());
    EXPECT_EQ(resources(bundle, "Encounter")[0].at("status"), "in-progress");
}

TEST_F(FhirExportTest, AnOverrideAfterSigningBringsTheHandoutAndItsProvenance) {
    const Session s = draft({"ces_saddle_numbness"}, {"belly_breathing"});
    ASSERT_TRUE(visit().sign(s.id, clinicianId_).ok());
    // Signed without a reason: no handout can be made, and the export says nothing of one.
    auto before = exporter().session(s.id);
    ASSERT_TRUE(before.ok()) << before.error().message;
    EXPECT_TRUE(resources(json::parse(*before), "DocumentReference").empty());
    const json triage = resources(json::parse(*before), "RiskAssessment")[0];
    EXPECT_EQ(triage.at("prediction")[0].at("qualitativeRisk").at("coding")[0].at("code"),
              "emergency");

    HandoutChanges given;
    given.overrideReason = "Patient declined the ambulance; breathing sheet only";
    given.overrideKind = "declines_referral";
    given.clinicianId = clinicianId_;
    auto plan = visit().handout(s.id, given);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    auto pdf = visit().render(*plan);
    ASSERT_TRUE(pdf.ok());
    auto record = visit().recordHandout(s.id, *pdf, *plan, "file test.pdf");
    ASSERT_TRUE(record.ok());

    auto after = exporter().session(s.id);
    ASSERT_TRUE(after.ok()) << after.error().message;
    const json bundle = json::parse(*after);
    const auto docs = resources(bundle, "DocumentReference");
    ASSERT_EQ(docs.size(), 1U);
    EXPECT_EQ(docs[0].at("identifier")[0].at("value"), record->sha256);
    EXPECT_EQ(docs[0].at("date"), record->createdAt);
    const auto stored = sessions_->get(s.id);
    ASSERT_TRUE(stored.ok());
    bool found = false;
    for (const json& p : resources(bundle, "Provenance")) {
        if (p.contains("reason") && p.at("reason")[0].at("text") == *given.overrideReason) {
            found = true;
            EXPECT_EQ(p.at("recorded"), stored->overrides[0].createdAt);
            EXPECT_EQ(p.at("agent")[0].at("who").at("reference"),
                      fhir::nameUuid("clinician/" + std::to_string(clinicianId_)));
            // The kind, coded, with its label.
            EXPECT_TRUE(hasCoding(p.at("reason")[0], kOverrideKind, "declines_referral"));
            EXPECT_EQ(p.at("reason")[0].at("coding")[0].at("display"),
                      "Patient declines referral and was told the risk");
        }
    }
    EXPECT_TRUE(found) << "the override, with who and when";
}

TEST_F(FhirExportTest, AnOverrideGivenBeforeSigningHasItsKindSentenceAuthorAndTime) {
    HandoutOptions options;
    options.overrideReason = "Already seen by her GP this morning; gentle exercises agreed";
    options.overrideKind = "seen_by_doctor_today";
    const Session s = draft({"ces_saddle_numbness"}, {"belly_breathing"}, options);
    ASSERT_TRUE(visit().sign(s.id, clinicianId_).ok());
    const auto stored = sessions_->get(s.id);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->handoutOptions.overrideKind, "seen_by_doctor_today");

    auto text = exporter().session(s.id);
    ASSERT_TRUE(text.ok()) << text.error().message;
    const json bundle = json::parse(*text);
    std::vector<json> overrides;
    for (const json& p : resources(bundle, "Provenance")) {
        if (hasCoding(p.at("activity"), "https://hepdesk.invalid/fhir/CodeSystem/activity",
                      "handout-override")) {
            overrides.push_back(p);
        }
    }
    ASSERT_EQ(overrides.size(), 1U);
    const json& p = overrides[0];
    EXPECT_TRUE(hasCoding(p.at("reason")[0], kOverrideKind, "seen_by_doctor_today"));
    EXPECT_EQ(p.at("reason")[0].at("text"), options.overrideReason);
    ASSERT_FALSE(stored->handoutOptions.overrideAt.empty());
    EXPECT_EQ(p.at("recorded"), stored->handoutOptions.overrideAt);
    EXPECT_EQ(p.at("agent")[0].at("who").at("reference"),
              fhir::nameUuid("clinician/" + std::to_string(clinicianId_)));
    // In Spanish, the kind's label is the Spanish one.
    auto es = exporter({std::nullopt, "es"}).session(s.id);
    ASSERT_TRUE(es.ok());
    EXPECT_NE(es->find("Ya le ha visto un médico por esto hoy"), std::string::npos);
}

TEST_F(FhirExportTest, AnUnknownSessionOrPatientIsNotFound) {
    auto s = exporter().session(999);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::NotFound);
    auto p = exporter().patient(999);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().kind, Error::Kind::NotFound);
}

} // namespace
} // namespace hepdesk::visit::test
