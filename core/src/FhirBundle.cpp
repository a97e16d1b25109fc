#include "hepdesk/core/FhirBundle.h"

#include "hepdesk/core/FhirIds.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace hepdesk::fhir {
namespace {

using nlohmann::json;

// Public codes, each confirmed by a public source (README, "Export for the health record").
constexpr std::string_view kLoinc = "http://loinc.org";
constexpr std::string_view kSnomed = "http://snomed.info/sct";
constexpr std::string_view kUcum = "http://unitsofmeasure.org";
constexpr std::string_view kObservationCategory =
    "http://terminology.hl7.org/CodeSystem/observation-category";
constexpr std::string_view kActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
constexpr std::string_view kDataOperation =
    "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
constexpr std::string_view kProvenanceAgentType =
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
constexpr std::string_view kSignatureType = "urn:iso-astm:E1762-95:2013";

std::string url(std::string_view path) {
    return std::string(kBase) + "/" + std::string(path);
}

/// HepDesk's CodeSystems (documented in README).
std::string codeSystem(std::string_view name) {
    return url("CodeSystem/" + std::string(name));
}

json coding(std::string_view system, std::string_view code, std::string_view display) {
    json c = {{"system", system}, {"code", code}};
    if (!display.empty()) {
        c["display"] = display;
    }
    return c;
}

/// A reference to a resource of the Bundle, by its full URL, with its type (a urn:uuid alone
/// does not say what it points to).
json refTo(const std::string& uuid, std::string_view type) {
    return {{"reference", uuid}, {"type", type}};
}

/// What keeps the Bundle's entries and the session's references together.
class Builder {
public:
    Builder(const BundleInput& in, const BundleLabels& labels) : in_(in), labels_(labels) {}

    json build() {
        patient_ = nameUuid("patient/" + std::to_string(in_.patient.id));
        organization_ = nameUuid("clinic");
        add(patient_, patientResource());
        add(organization_, organizationResource());
        for (const Clinician& c : in_.clinicians) {
            const std::string id = nameUuid("clinician/" + std::to_string(c.id));
            practitioners_[c.id] = id;
            add(id, practitionerResource(c));
        }
        addQuestionnaires();
        for (const SessionRecord& s : in_.sessions) {
            addSession(s);
        }
        const std::string bundleId = nameUuid("bundle/" + in_.bundleName);
        return {{"resourceType", "Bundle"},
                {"id", bundleId.substr(9)},
                {"identifier", {{"system", "urn:ietf:rfc:3986"}, {"value", bundleId}}},
                {"type", "collection"},
                {"entry", entries_}};
    }

private:
    void add(const std::string& uuid, json resource) {
        resource["id"] = uuid.substr(9); // after "urn:uuid:"
        entries_.push_back({{"fullUrl", uuid}, {"resource", std::move(resource)}});
    }

    [[nodiscard]] const std::string& lang() const { return labels_.language; }

    [[nodiscard]] std::optional<json> practitioner(std::optional<std::int64_t> id) const {
        if (!id) {
            return std::nullopt;
        }
        auto it = practitioners_.find(*id);
        if (it == practitioners_.end()) {
            return std::nullopt;
        }
        return refTo(it->second, "Practitioner");
    }

    json patientResource() const {
        const Patient& p = in_.patient;
        json r = {{"resourceType", "Patient"},
                  {"active", !p.archived},
                  {"name", json::array({{{"text", p.name}}})}};
        if (!p.recordNumber.empty()) {
            r["identifier"] = json::array(
                {{{"use", "usual"},
                  {"type",
                   {{"coding", json::array({coding("http://terminology.hl7.org/CodeSystem/v2-0203",
                                                   "MR", "Medical record number")})},
                    {"text", "Record number"}}},
                  {"system", in_.recordNumberSystem},
                  {"value", p.recordNumber}}});
        }
        if (!p.birthDate.empty()) {
            r["birthDate"] = p.birthDate;
        }
        return r;
    }

    json organizationResource() const {
        const ClinicSettings& c = in_.clinic;
        // An Organization needs a name or an identifier (FHIR invariant org-1).
        json r = {{"resourceType", "Organization"},
                  {"name", c.name.empty() ? std::string("Clinic") : c.name}};
        if (!c.address.empty()) {
            r["address"] = json::array({{{"text", c.address}}});
        }
        if (!c.phone.empty()) {
            r["telecom"] = json::array({{{"system", "phone"}, {"value", c.phone}}});
        }
        return r;
    }

    json practitionerResource(const Clinician& c) const {
        json r = {{"resourceType", "Practitioner"},
                  {"active", c.active},
                  {"identifier",
                   json::array({{{"system", url("clinician")}, {"value", std::to_string(c.id)}}})},
                  {"name", json::array({{{"text", c.name}}})}};
        if (!c.credentials.empty()) {
            r["qualification"] = json::array({{{"code", {{"text", c.credentials}}}}});
        }
        return r;
    }

    struct Instrument {
        std::string_view id;
        std::string_view title;
        const std::vector<QuestionItem>* items;
        const std::map<std::string, int> Screening::*answers;
    };

    [[nodiscard]] std::vector<Instrument> instruments() const {
        return {
            {"start-back", "STarT Back Screening Tool", &labels_.items.startBackItems(),
             &Screening::startBack},
            {"odi", "Oswestry Disability Index", &labels_.items.odi().sections, &Screening::odi},
            {"ndi", "Neck Disability Index", &labels_.items.ndi().sections, &Screening::ndi}};
    }

    /// The Questionnaires the sessions answer, once each: their canonical URLs are HepDesk's.
    void addQuestionnaires() {
        for (const Instrument& q : instruments()) {
            bool used = false;
            for (const SessionRecord& s : in_.sessions) {
                used = used || !(s.session.screening.*q.answers).empty();
            }
            if (!used) {
                continue;
            }
            json items = json::array();
            for (const QuestionItem& item : *q.items) {
                items.push_back({{"linkId", item.id},
                                 {"prefix", std::to_string(item.number)},
                                 {"text", item.clinicianLabel.text(lang())},
                                 {"type", "integer"}});
            }
            add(nameUuid("questionnaire/" + std::string(q.id)),
                {{"resourceType", "Questionnaire"},
                 {"url", url("Questionnaire/" + std::string(q.id))},
                 {"name", std::string(q.id == "start-back" ? "StartBack"
                                      : q.id == "odi"      ? "OswestryDisabilityIndex"
                                                           : "NeckDisabilityIndex")},
                 {"title", q.title},
                 {"status", "active"},
                 {"subjectType", json::array({"Patient"})},
                 {"item", items}});
        }
    }

    /// The parts every resource of one session shares.
    struct SessionContext {
        const Session* s = nullptr;
        std::string prefix; ///< "session/4/"
        std::string encounter;
        std::optional<json> clinician;
        std::string status; ///< "final" once signed, "preliminary" for a draft
        std::vector<std::pair<std::string, std::string>> written; ///< uuid, type
    };

    std::string addFor(SessionContext& cx, const std::string& name, json resource) {
        const std::string id = nameUuid(cx.prefix + name);
        cx.written.emplace_back(id, resource.at("resourceType").get<std::string>());
        add(id, std::move(resource));
        return id;
    }

    json observation(const SessionContext& cx, std::string_view category, json code) const {
        json o = {
            {"resourceType", "Observation"},
            {"status", cx.status},
            {"category",
             json::array(
                 {{{"coding", json::array({coding(kObservationCategory, category,
                                                  category == "survey" ? "Survey" : "Exam")})}}})},
            {"code", std::move(code)},
            {"subject", refTo(patient_, "Patient")},
            {"encounter", refTo(cx.encounter, "Encounter")},
            {"effectiveDateTime", cx.s->startedAt}};
        if (cx.clinician) {
            o["performer"] = json::array({*cx.clinician});
        }
        return o;
    }

    static json quantity(json value, std::string_view unit, std::string_view code) {
        return {{"value", std::move(value)}, {"unit", unit}, {"system", kUcum}, {"code", code}};
    }

    static json measureCode(std::string_view id, std::string_view text,
                            std::optional<json> loinc = std::nullopt) {
        json codings = json::array();
        if (loinc) {
            codings.push_back(*loinc);
        }
        codings.push_back(coding(codeSystem("measure"), id, text));
        return {{"coding", codings}, {"text", text}};
    }

    void addScore(SessionContext& cx, std::string_view id, std::string_view text, json value,
                  std::optional<json> loinc = std::nullopt) {
        json o = observation(cx, "survey", measureCode(id, text, std::move(loinc)));
        o["valueQuantity"] = std::move(value);
        addFor(cx, "observation/" + std::string(id), std::move(o));
    }

    static double oneDecimal(double v) { return std::round(v * 10.0) / 10.0; }

    void addScores(SessionContext& cx) {
        const SessionScores& sc = cx.s->scores;
        const auto score = [](int v) { return quantity(json(v), "score", "{score}"); };
        if (sc.painNow) {
            addScore(cx, "nprs-now", "Pain now (NPRS 0-10)", score(*sc.painNow),
                     coding(kLoinc, "72514-3",
                            "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
        }
        if (sc.painBest) {
            addScore(cx, "nprs-best", "Pain at best (NPRS 0-10)", score(*sc.painBest));
        }
        if (sc.painWorst) {
            addScore(cx, "nprs-worst", "Pain at worst (NPRS 0-10)", score(*sc.painWorst));
        }
        if (sc.odiPercent) {
            addScore(cx, "odi-percent", "Oswestry Disability Index (%)",
                     quantity(json(oneDecimal(*sc.odiPercent)), "%", "%"),
                     coding(kLoinc, "97909-6", "Oswestry disability index score ODI"));
        }
        if (sc.ndiPercent) {
            addScore(cx, "ndi-percent", "Neck Disability Index (%)",
                     quantity(json(oneDecimal(*sc.ndiPercent)), "%", "%"));
        }
        if (sc.startBackTotal) {
            addScore(cx, "start-back-total", "STarT Back total score (0-9)",
                     score(*sc.startBackTotal));
        }
        if (sc.startBackPsychosocial) {
            addScore(cx, "start-back-psychosocial", "STarT Back psychosocial score (0-5)",
                     score(*sc.startBackPsychosocial));
        }
        if (sc.startBackRisk) {
            const std::string risk(riskId(*sc.startBackRisk));
            json o =
                observation(cx, "survey", measureCode("start-back-risk", "STarT Back risk group"));
            o["valueCodeableConcept"] = {
                {"coding", json::array({coding(codeSystem("start-back-risk"), risk, risk)})},
                {"text", risk + " risk"}};
            addFor(cx, "observation/start-back-risk", std::move(o));
        }
        addPsfs(cx);
    }

    /// The Patient-Specific Functional Scale: one Observation per rated activity (the activity
    /// in the patient's own words as its text, the rating 0-10 as an integer), then one for the
    /// mean of the rated activities, which names them as its members. No public code for the
    /// PSFS was found (README): both are coded in HepDesk's measure CodeSystem.
    void addPsfs(SessionContext& cx) {
        const std::vector<PsfsActivity>& activities = cx.s->screening.psfs;
        json members = json::array();
        for (std::size_t i = 0; i < activities.size(); ++i) {
            const PsfsActivity& a = activities[i];
            if (!a.rating) {
                continue; // not asked yet: nothing was observed
            }
            json code = {{"coding", json::array({coding(codeSystem("measure"), "psfs-activity",
                                                        "PSFS activity rating (0-10)")})},
                         {"text", a.activity}};
            json o = observation(cx, "survey", std::move(code));
            o["valueInteger"] = *a.rating;
            o["referenceRange"] = json::array(
                {{{"low", quantity(json(0), "score", "{score}")},
                  {"high", quantity(json(10), "score", "{score}")},
                  {"text", "0 = unable to do the activity, 10 = as before the problem"}}});
            const std::string id =
                addFor(cx, "observation/psfs-activity/" + std::to_string(i + 1), std::move(o));
            members.push_back(refTo(id, "Observation"));
        }
        if (!cx.s->scores.psfsMean || members.empty()) {
            return;
        }
        json o =
            observation(cx, "survey",
                        measureCode("psfs-mean", "Patient-Specific Functional Scale mean (0-10)"));
        o["valueQuantity"] =
            quantity(json(std::round(*cx.s->scores.psfsMean * 100.0) / 100.0), "score", "{score}");
        o["hasMember"] = members;
        addFor(cx, "observation/psfs-mean", std::move(o));
    }

    /// Each screening finding the clinician ticked, coded by its HepDesk id.
    std::map<std::string, std::string> addFindings(SessionContext& cx) {
        std::map<std::string, std::string> byId;
        for (const std::string& id : cx.s->screening.findings) {
            const FindingItem* item = labels_.items.finding(id);
            const std::string label = item ? item->clinicianLabel.text(lang()) : id;
            json o =
                observation(cx, "exam",
                            {{"coding", json::array({coding(codeSystem("finding"), id, label)})},
                             {"text", label}});
            o["valueBoolean"] = true;
            byId[id] = addFor(cx, "finding/" + id, std::move(o));
        }
        return byId;
    }

    static json level(TriageLevel l) {
        return {{"coding", json::array({coding(codeSystem("triage-level"), toId(l), label(l))})},
                {"text", label(l)}};
    }

    void addRiskAssessment(SessionContext& cx, const std::map<std::string, std::string>& found) {
        const Session& s = *cx.s;
        json predictions = json::array({{{"outcome", {{"text", "Triage of the session"}}},
                                         {"qualitativeRisk", level(s.triage)}}});
        json basis = json::array();
        for (const Finding& f : s.findings) {
            predictions.push_back(
                {{"outcome",
                  {{"coding", json::array({coding(codeSystem("triage-rule"), f.ruleId, "")})},
                   {"text", f.itemId}}},
                 {"qualitativeRisk", level(f.level)},
                 {"rationale", f.reason}});
            if (auto it = found.find(f.itemId); it != found.end()) {
                basis.push_back(refTo(it->second, "Observation"));
            }
        }
        json r = {
            {"resourceType", "RiskAssessment"},
            {"status", cx.status},
            {"code",
             {{"coding", json::array({coding(codeSystem("measure"), "triage", "Red-flag triage")})},
              {"text", "Red-flag triage"}}},
            {"subject", refTo(patient_, "Patient")},
            {"encounter", refTo(cx.encounter, "Encounter")},
            {"occurrenceDateTime", s.startedAt},
            {"prediction", predictions}};
        if (!basis.empty()) {
            r["basis"] = basis;
        }
        if (cx.clinician) {
            r["performer"] = *cx.clinician;
        }
        addFor(cx, "risk-assessment", std::move(r));
    }

    void addResponses(SessionContext& cx) {
        for (const Instrument& q : instruments()) {
            const std::map<std::string, int>& answers = cx.s->screening.*q.answers;
            if (answers.empty()) {
                continue;
            }
            json items = json::array();
            for (const QuestionItem& item : *q.items) { // the instrument's order
                if (auto it = answers.find(item.id); it != answers.end()) {
                    items.push_back({{"linkId", item.id},
                                     {"text", item.clinicianLabel.text(lang())},
                                     {"answer", json::array({{{"valueInteger", it->second}}})}});
                }
            }
            json r = {{"resourceType", "QuestionnaireResponse"},
                      {"questionnaire", url("Questionnaire/" + std::string(q.id))},
                      {"status", "completed"},
                      {"subject", refTo(patient_, "Patient")},
                      {"encounter", refTo(cx.encounter, "Encounter")},
                      {"authored", cx.s->startedAt},
                      {"item", items}};
            if (cx.clinician) {
                r["author"] = *cx.clinician;
            }
            addFor(cx, "questionnaire-response/" + std::string(q.id), std::move(r));
        }
    }

    static std::string times(int n, std::string_view one, std::string_view many) {
        return std::to_string(n) + " " + std::string(n == 1 ? one : many);
    }

    /// The dosage in plain words: "2 sets of 10 repetitions, hold 5 seconds, 2 times a day,
    /// each side".
    static std::string dosageText(const Dosage& d) {
        std::string t = times(d.sets, "set", "sets");
        if (d.reps > 0) {
            t += " of " + times(d.reps, "repetition", "repetitions");
        }
        if (d.holdSeconds > 0) {
            t += ", hold " + times(d.holdSeconds, "second", "seconds");
        }
        t += ", " + times(d.timesPerDay, "time", "times") + " a day";
        if (d.perSide) {
            t += ", each side";
        }
        return t;
    }

    void addProgram(SessionContext& cx) {
        const Session& s = *cx.s;
        if (s.program.items.empty()) {
            return;
        }
        const std::string carePlan = nameUuid(cx.prefix + "care-plan");
        const std::string requestStatus = s.isSigned ? "active" : "draft";
        json activities = json::array();
        for (std::size_t i = 0; i < s.program.items.size(); ++i) {
            const ProgramItem& it = s.program.items[i];
            const CatalogEntry* entry = labels_.catalog.find(it.exerciseId);
            const std::string name = entry ? entry->name.text(lang()) : it.exerciseId;
            std::string instruction = dosageText(it.dosage);
            if (!it.note.empty()) {
                instruction += ". " + it.note;
            }
            json r = {
                {"resourceType", "ServiceRequest"},
                {"status", requestStatus},
                {"intent", "plan"},
                {"basedOn", json::array({refTo(carePlan, "CarePlan")})},
                {"code",
                 {{"coding",
                   json::array({coding(kSnomed, "229065009", "Exercise therapy (regime/therapy)"),
                                coding(codeSystem("exercise"), it.exerciseId, name)})},
                  {"text", name}}},
                {"subject", refTo(patient_, "Patient")},
                {"encounter", refTo(cx.encounter, "Encounter")},
                {"occurrenceTiming",
                 {{"repeat",
                   {{"frequency", it.dosage.timesPerDay}, {"period", 1}, {"periodUnit", "d"}}}}},
                {"patientInstruction", instruction}};
            if (cx.clinician) {
                r["requester"] = *cx.clinician;
            }
            const std::string id = addFor(
                cx, "service-request/" + std::to_string(i) + "/" + it.exerciseId, std::move(r));
            activities.push_back({{"reference", refTo(id, "ServiceRequest")}});
        }
        json plan = {{"resourceType", "CarePlan"},
                     {"status", s.isSigned ? "active" : "draft"},
                     {"intent", "plan"},
                     {"title", "Home exercise program"},
                     {"subject", refTo(patient_, "Patient")},
                     {"encounter", refTo(cx.encounter, "Encounter")},
                     {"created", s.startedAt},
                     {"activity", activities}};
        if (cx.clinician) {
            plan["author"] = *cx.clinician;
        }
        cx.written.emplace_back(carePlan, "CarePlan");
        add(carePlan, std::move(plan));
    }

    json sha256Identifier(const std::string& sha) const {
        return {{"system", url("sha256")}, {"value", sha}};
    }

    json documentReference(const SessionContext& cx, const std::string& sha, json attachment,
                           std::string_view status, const std::string& date) const {
        json r = {{"resourceType", "DocumentReference"},
                  {"status", status},
                  {"identifier", json::array({sha256Identifier(sha)})},
                  {"type",
                   {{"coding", json::array({coding(codeSystem("document"), "handout",
                                                   "Home exercise handout")})},
                    {"text", "Home exercise handout"}}},
                  {"subject", refTo(patient_, "Patient")},
                  {"content", json::array({{{"attachment", std::move(attachment)}}})},
                  {"context", {{"encounter", json::array({refTo(cx.encounter, "Encounter")})}}}};
        if (!date.empty()) {
            r["date"] = date;
        }
        if (cx.clinician) {
            r["author"] = json::array({*cx.clinician});
        }
        if (!cx.s->handoutOptions.overrideReason.empty()) {
            r["description"] =
                "Handout given despite the triage: " + cx.s->handoutOptions.overrideReason;
        }
        return r;
    }

    /// The handout made again, whole; then each produced handout whose bytes differ from it
    /// (a draft's earlier handout) by its fingerprint and size alone.
    void addHandouts(SessionContext& cx, const std::optional<HandoutPdf>& pdf) {
        const Session& s = *cx.s;
        if (pdf) {
            std::string date;
            for (const HandoutRecord& h : s.handouts) {
                if (h.sha256 == pdf->sha256 && date.empty()) {
                    date = h.createdAt;
                }
            }
            json attachment = {{"contentType", "application/pdf"},
                               {"language", pdf->language},
                               {"data", base64(pdf->bytes)},
                               {"size", pdf->bytes.size()},
                               {"title", "Home exercise handout"}};
            addFor(cx, "handout/" + pdf->sha256,
                   documentReference(cx, pdf->sha256, std::move(attachment), "current", date));
        }
        for (const HandoutRecord& h : s.handouts) {
            if (pdf && h.sha256 == pdf->sha256) {
                continue;
            }
            json attachment = {{"contentType", "application/pdf"},
                               {"language", h.language},
                               {"size", h.byteSize},
                               {"title", "Home exercise handout (earlier version)"}};
            addFor(
                cx, "handout/" + h.sha256,
                documentReference(cx, h.sha256, std::move(attachment), "superseded", h.createdAt));
        }
    }

    json who(std::optional<std::int64_t> clinicianId, const std::string& display) const {
        if (auto p = practitioner(clinicianId)) {
            return *p;
        }
        return {{"display", display.empty() ? std::string("unknown") : display}};
    }

    static json provenance(const std::vector<std::pair<std::string, std::string>>& targets,
                           const std::string& when, json agent, json activity) {
        json t = json::array();
        for (const auto& [id, type] : targets) {
            t.push_back(refTo(id, type));
        }
        return {{"resourceType", "Provenance"},
                {"target", t},
                {"recorded", when},
                {"activity", std::move(activity)},
                {"agent", json::array({std::move(agent)})}};
    }

    static json agent(json who, std::string_view type, std::string_view display) {
        return {{"type", {{"coding", json::array({coding(kProvenanceAgentType, type, display)})}}},
                {"who", std::move(who)}};
    }

    static std::vector<std::pair<std::string, std::string>>
    encounterOnly(const SessionContext& cx) {
        return {{cx.encounter, "Encounter"}};
    }

    void addProvenance(SessionContext& cx) {
        const Session& s = *cx.s;
        const auto targets = cx.written;
        if (s.isSigned) {
            const json signer = who(s.signedBy, "");
            json p = provenance(
                targets, s.signedAt, agent(signer, "verifier", "Verifier"),
                {{"coding", json::array({coding(codeSystem("activity"), "sign", "Signed")})},
                 {"text", "Session signed"}});
            p["signature"] =
                json::array({{{"type", json::array({coding(kSignatureType, "1.2.840.10065.1.12.1.1",
                                                           "Author's Signature")})},
                              {"when", s.signedAt},
                              {"who", signer}}});
            addFor(cx, "provenance/signature", std::move(p));
        }
        for (const Addendum& a : s.addenda) {
            json p = provenance(
                encounterOnly(cx), a.createdAt, agent(who(a.clinicianId, ""), "author", "Author"),
                {{"coding", json::array({coding(kDataOperation, "UPDATE", "revise")})},
                 {"text", "Addendum"}});
            p["reason"] = json::array({{{"text", a.text}}});
            addFor(cx, "provenance/addendum/" + std::to_string(a.id), std::move(p));
        }
        // The override given with the session (before signing), then each one after.
        const HandoutOptions& h = s.handoutOptions;
        if (!h.overrideReason.empty()) {
            const auto by = h.overrideBy ? h.overrideBy : s.clinicianId;
            addFor(cx, "provenance/override",
                   overrideProvenance(cx, h.overrideKind, h.overrideReason, who(by, ""),
                                      h.overrideAt.empty() ? s.startedAt : h.overrideAt));
        }
        for (const HandoutOverride& o : s.overrides) {
            addFor(
                cx, "provenance/override/" + std::to_string(o.id),
                overrideProvenance(cx, o.kind, o.reason, who(o.clinicianId, o.actor), o.createdAt));
        }
    }

    /// A handout given despite an urgent or emergency triage: who and when, and why as the
    /// reason: the kind coded in HepDesk's override-kind CodeSystem (none for an override
    /// recorded before kinds existed), the clinician's sentence as its text.
    json overrideProvenance(const SessionContext& cx, const std::string& kind,
                            const std::string& sentence, json author,
                            const std::string& when) const {
        json p = provenance(
            {{cx.encounter, "Encounter"}}, when, agent(std::move(author), "author", "Author"),
            {{"coding", json::array({coding(codeSystem("activity"), "handout-override",
                                            "Handout given despite the triage")})},
             {"text", "Handout override"}});
        json reason = {{"text", sentence}};
        if (!kind.empty()) {
            const auto label = labels_.overrideKinds.find(kind);
            reason["coding"] = json::array(
                {coding(codeSystem("override-kind"), kind,
                        label == labels_.overrideKinds.end() ? std::string() : label->second)});
        }
        p["reason"] = json::array({std::move(reason)});
        return p;
    }

    void addSession(const SessionRecord& record) {
        const Session& s = record.session;
        SessionContext cx;
        cx.s = &s;
        cx.prefix = "session/" + std::to_string(s.id) + "/";
        cx.encounter = nameUuid(cx.prefix + "encounter");
        cx.clinician = practitioner(s.clinicianId);
        cx.status = s.isSigned ? "final" : "preliminary";
        json enc = {{"resourceType", "Encounter"},
                    {"status", s.isSigned ? "finished" : "in-progress"},
                    {"class", coding(kActCode, "AMB", "ambulatory")},
                    {"identifier",
                     json::array({{{"system", url("session")}, {"value", std::to_string(s.id)}}})},
                    {"subject", refTo(patient_, "Patient")},
                    {"serviceProvider", refTo(organization_, "Organization")},
                    {"period", {{"start", s.startedAt}}}};
        if (cx.clinician) {
            enc["participant"] = json::array({{{"individual", *cx.clinician}}});
        }
        if (!s.screening.notes.empty()) {
            enc["reasonCode"] = json::array({{{"text", s.screening.notes}}});
        }
        cx.written.emplace_back(cx.encounter, "Encounter");
        add(cx.encounter, std::move(enc));
        addScores(cx);
        const auto found = addFindings(cx);
        addRiskAssessment(cx, found);
        addResponses(cx);
        addProgram(cx);
        addHandouts(cx, record.handout);
        addProvenance(cx);
    }

    const BundleInput& in_;
    const BundleLabels& labels_;
    std::string patient_;
    std::string organization_;
    std::map<std::int64_t, std::string> practitioners_;
    json entries_ = json::array();
};

} // namespace

nlohmann::json toFhirBundle(const BundleInput& input, const BundleLabels& labels) {
    return Builder(input, labels).build();
}

std::string toFhirText(const BundleInput& input, const BundleLabels& labels) {
    return toFhirBundle(input, labels).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace hepdesk::fhir
