#pragma once

#include "TestImages.h"
#include "TestSupport.h"
#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/visit/ClinicData.h"
#include "hepdesk/visit/VisitWorkflow.h"

#include <gtest/gtest.h>
#include <memory>
#include <optional>

namespace hepdesk::visit::test {

/// The templates and writer of one templates folder, and a workflow on them over `repos`.
struct Clinic {
    ClinicData data;
    handout::HandoutWriter writer;
    std::unique_ptr<VisitWorkflow> workflow;
};

/// A clinic database (SQLite here: the workflow itself only sees the repository interfaces)
/// with one patient, one clinician, the clinic's settings with a logo, and the workflow.
class VisitFixture : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = db::Database::open(dir_ / "clinic.sqlite");
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        db_.emplace(std::move(*opened));
        db_->setActor("test clinician account");
        patients_ = std::make_unique<db::SqlitePatientRepository>(*db_);
        sessions_ = std::make_unique<db::SqliteSessionRepository>(*db_);
        clinicians_ = std::make_unique<db::SqliteClinicianRepository>(*db_);
        clinicRepo_ = std::make_unique<db::SqliteClinicRepository>(*db_);
        custom_ = std::make_unique<db::SqliteCustomExerciseRepository>(*db_);
        clinic_ = openClinic(hepdesk::test::templatesDir());
        ASSERT_TRUE(clinic_);
        auto p = patients_->add(Patient{0, "María López", "1970-03-04", "A-1", "", false});
        auto c = clinicians_->add(Clinician{0, "Ana Gil", "PT, DPT", true});
        ASSERT_TRUE(p.ok() && c.ok());
        patientId_ = *p;
        clinicianId_ = *c;
        ClinicSettings settings{"Riverside Physical Therapy", "1 River Road", "555-0100",
                                hepdesk::test::pngImage(60, 30), "image/png"};
        ASSERT_TRUE(clinicRepo_->save(settings).ok());
    }

    /// The clinic's catalog and rules from `templates`, and a workflow on them.
    std::unique_ptr<Clinic> openClinic(const std::filesystem::path& templates) {
        auto data = loadClinic(templates, *custom_);
        EXPECT_TRUE(data.ok()) << data.error().message;
        auto writer = handout::HandoutWriter::load(templates);
        EXPECT_TRUE(writer.ok()) << writer.error().message;
        if (!data || !writer) {
            return nullptr;
        }
        auto c = std::unique_ptr<Clinic>(new Clinic{std::move(*data), std::move(*writer), {}});
        c->workflow = std::make_unique<VisitWorkflow>(
            Repositories{*patients_, *sessions_, *clinicians_, *clinicRepo_}, c->data.catalog,
            c->data.rules, c->writer);
        return c;
    }

    VisitWorkflow& visit() { return *clinic_->workflow; }

    /// A stored draft with `findings`, the pain now (NPRS 3, as a routine visit records it) and
    /// the catalog's default dosage of `exercises`.
    Session draft(std::set<std::string> findings, const std::vector<std::string>& exercises,
                  HandoutOptions options = {}) {
        auto started = visit().start(patientId_, {clinicianId_, options, std::nullopt, {}});
        EXPECT_TRUE(started.ok()) << started.error().message;
        Session s = started->session;
        s.screening.date = "2026-11-21";
        s.screening.regions = {Region::LowBack};
        s.screening.pain.now = 3;
        s.screening.findings = std::move(findings);
        for (const std::string& id : exercises) {
            const CatalogEntry* e = visit().catalog().find(id);
            EXPECT_NE(e, nullptr) << id;
            s.program.items.push_back(ProgramItem{id, e->defaultDosage, ""});
        }
        auto saved = visit().saveDraft(s);
        EXPECT_TRUE(saved.ok()) << saved.error().message;
        return s;
    }

    /// The handout of stored session `id` with `changes`, rendered.
    Result<std::string> pdfOf(VisitWorkflow& w, std::int64_t id,
                              const HandoutChanges& changes = {}) {
        auto plan = w.handout(id, changes);
        if (!plan) {
            return plan.error();
        }
        return w.render(*plan);
    }

    hepdesk::test::TempDir dir_;
    std::optional<db::Database> db_;
    std::unique_ptr<db::SqlitePatientRepository> patients_;
    std::unique_ptr<db::SqliteSessionRepository> sessions_;
    std::unique_ptr<db::SqliteClinicianRepository> clinicians_;
    std::unique_ptr<db::SqliteClinicRepository> clinicRepo_;
    std::unique_ptr<db::SqliteCustomExerciseRepository> custom_;
    std::unique_ptr<Clinic> clinic_;
    std::int64_t patientId_ = 0;
    std::int64_t clinicianId_ = 0;
};

} // namespace hepdesk::visit::test
