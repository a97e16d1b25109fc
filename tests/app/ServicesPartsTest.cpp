#include "AppPreferences.h"
#include "BackupRunner.h"
#include "CatalogFilterModel.h"
#include "CatalogModel.h"
#include "MainWindow.h"
#include "PatientListModel.h"
#include "PatientPage.h"
#include "ProgramModel.h"
#include "SettingsDialog.h"
#include "WidgetTestSupport.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/db/Sqlite.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QThread>
#include <cstdio>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

TEST(ProgramModelTest, ReordersByDragAndKeysAndRefusesWhenSigned) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    auto assessment = assess(Screening{}, app.services->rules(), app.services->catalog());
    ASSERT_TRUE(assessment.ok());
    ProgramModel m(app.services->catalog());
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_FALSE(m.add("cat_cow").ok()) << "nothing can be added before a screening";
    m.setAssessment(&*assessment);
    for (const char* id : {"cat_cow", "bird_dog", "pelvic_tilt", "chin_tuck"}) {
        ASSERT_TRUE(m.add(id).ok()) << id;
    }
    EXPECT_FALSE(m.add("cat_cow").ok()) << "no duplicates";
    EXPECT_FALSE(m.add("no_such_exercise").ok());

    // Drag row 0 below row 2, as a view does: mime data out, drop in.
    std::unique_ptr<QMimeData> mime(m.mimeData({m.index(0)}));
    ASSERT_NE(mime, nullptr);
    EXPECT_FALSE(m.dropMimeData(mime.get(), Qt::MoveAction, 3, 0, {}));
    EXPECT_EQ(m.program().items[2].exerciseId, "cat_cow");
    EXPECT_TRUE(m.index(2).data().toString().startsWith(QStringLiteral("3. ")));
    EXPECT_TRUE(m.move(2, -1));
    EXPECT_EQ(m.program().items[1].exerciseId, "cat_cow");
    EXPECT_FALSE(m.move(0, -1));
    EXPECT_FALSE(m.setData(m.index(0), 0, ProgramModel::TimesPerDayRole)) << "core range 1..10";
    EXPECT_FALSE(m.overRecommended());
    for (const char* id : {"prone_press_up", "glute_bridge", "short_walk"}) {
        ASSERT_TRUE(m.add(id).ok()) << id;
    }
    EXPECT_TRUE(m.overRecommended()) << "7 exercises";

    m.setReadOnly(true);
    EXPECT_FALSE(m.add("belly_breathing").ok());
    EXPECT_FALSE(m.move(0, 1));
    EXPECT_FALSE(m.remove(0));
    EXPECT_FALSE(m.setData(m.index(0), QStringLiteral("x"), ProgramModel::NoteRole));
    EXPECT_FALSE(m.flags(m.index(0)).testFlag(Qt::ItemIsDragEnabled));
}

TEST(CatalogFilterTest, NarrowsByWordsRegionPositionAndEquipment) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    CatalogModel m;
    m.setCatalog(&app.services->catalog());
    CatalogFilterModel f;
    f.setSourceModel(&m);
    QAbstractItemModelTester t1(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(&f, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(m.rowCount(), 26) << "exercises only, no avoid entries";
    f.setRegion(QStringLiteral("neck"));
    const int neck = f.rowCount();
    EXPECT_GT(neck, 0);
    EXPECT_LT(neck, 26);
    for (int r = 0; r < f.rowCount(); ++r) {
        EXPECT_TRUE(f.index(r, 0)
                        .data(CatalogModel::RegionIdsRole)
                        .toStringList()
                        .contains(QStringLiteral("neck")));
    }
    f.setRegion({});
    f.setEquipment(QStringLiteral("foam_roller"));
    EXPECT_GE(f.rowCount(), 1);
    f.setEquipment(QStringLiteral("none"));
    for (int r = 0; r < f.rowCount(); ++r) {
        EXPECT_TRUE(f.index(r, 0).data(CatalogModel::EquipmentIdsRole).toStringList().isEmpty());
    }
    f.setEquipment({});
    f.setText(QStringLiteral("knee chest"));
    ASSERT_EQ(f.rowCount(), 1);
    EXPECT_EQ(f.index(0, 0).data(CatalogModel::ExerciseIdRole).toString(),
              QStringLiteral("double_knee_to_chest"));
}

TEST(MainWindowSearch, FiltersAsYouTypeThroughTheDatabaseSearch) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    for (const char* name : {"José Álvarez", "Jose Alvarado", "Mary Smith", "Андрей Иванов"}) {
        ASSERT_TRUE(app.services->patients().add(Patient{0, name, "", "", "", false}).ok());
    }
    MainWindow w(*app.services);
    w.show();
    QAbstractItemModelTester tester(w.patientModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(w.patientModel()->rowCount(), 4);
    QTest::keyClicks(w.searchField(), QStringLiteral("alva"));
    EXPECT_EQ(w.patientModel()->rowCount(), 2) << "accents folded: Álvarez and Alvarado";
    w.searchField()->clear();
    test::typeText(w.searchField(), QStringLiteral("анд"));
    ASSERT_EQ(w.patientModel()->rowCount(), 1);
    EXPECT_EQ(w.patientModel()->index(0, 0).data().toString(), QStringLiteral("Андрей Иванов"));
    w.searchField()->clear();
    QTest::keyClicks(w.searchField(), QStringLiteral("zzz"));
    EXPECT_EQ(w.patientModel()->rowCount(), 0);
    EXPECT_TRUE(test::grabTo(w, "main-window-search-no-match.png"));
}

TEST(SettingsDialogTest, StoresClinicAndRefusesBadLogoAndRelativeBackupFolder) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    SettingsDialog d(app.services->clinic(), app.services->clinicians());
    ASSERT_TRUE(d.load().ok());
    const auto bad = app.dir / "logo.png";
    hepdesk::test::writeFile(bad, "this is not an image");
    auto refused = d.setLogoFile(QString::fromStdString(bad.string()));
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find(bad.string()), std::string::npos);

    const auto good = app.dir / "good.png";
    QImage img(120, 40, QImage::Format_RGB32);
    img.fill(QColor(0x1F, 0x4E, 0x9A));
    ASSERT_TRUE(img.save(QString::fromStdString(good.string()), "PNG"));
    ASSERT_TRUE(d.setLogoFile(QString::fromStdString(good.string())).ok());
    d.clinicNameEdit()->setText(QStringLiteral("Physio Oeste"));
    d.backupFolderEdit()->setText(QStringLiteral("relative/folder"));
    auto relative = d.save();
    ASSERT_FALSE(relative.ok());
    EXPECT_NE(relative.error().message.find("Backup folder"), std::string::npos);
    d.backupFolderEdit()->setText(QString::fromStdString((app.dir / "b").string()));
    d.backupKeepBox()->setValue(5);
    ASSERT_TRUE(d.save().ok());
    auto clinic = app.services->clinic().load();
    ASSERT_TRUE(clinic.ok());
    EXPECT_EQ(clinic->name, "Physio Oeste");
    EXPECT_EQ(clinic->logoMime, "image/png");
    EXPECT_EQ(AppPreferences().backupKeep(), 5);
    d.show();
    EXPECT_TRUE(test::grabTo(d, "settings-dialog.png"));
}

TEST(BackupRunnerTest, WritesTheDailyBackupOffTheGuiThread) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    ASSERT_TRUE(app.services->patients().add(Patient{0, "Backed Up", "", "", "", false}).ok());
    const auto folder = app.dir / "backups";
    std::filesystem::create_directories(folder);
    BackupRunner runner;
    QSignalSpy finished(&runner, &BackupRunner::finished);
    QSignalSpy failed(&runner, &BackupRunner::failed);
    ASSERT_TRUE(runner.start(app.db->path(), folder, 3));
    ASSERT_TRUE(finished.wait(20000))
        << (failed.isEmpty() ? std::string("timeout") : failed[0][0].toString().toStdString());
    const QString written = finished[0][0].toString();
    ASSERT_FALSE(written.isEmpty());
    EXPECT_TRUE(std::filesystem::exists(written.toStdString()));
    // Today's backup exists: the second start writes nothing.
    ASSERT_TRUE(runner.start(app.db->path(), folder, 3));
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished[1][0].toString().isEmpty());
}

} // namespace
} // namespace hepdesk::gui

namespace hepdesk::gui {
namespace {

TEST(PatientListPaging, ReadsALargeListAPageAtATimeAndFindsAnyPatient) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    const int total = PatientListModel::kPageSize + 120;
    std::int64_t last = 0;
    {
        auto tx = db::Transaction::begin(app.db->connection());
        ASSERT_TRUE(tx.ok());
        for (int i = 0; i < total; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "Patient %04d", i);
            auto id = app.services->patients().add(Patient{0, name, "", "", "", false});
            ASSERT_TRUE(id.ok());
            last = *id;
        }
        ASSERT_TRUE(tx->commit().ok());
    }
    PatientListModel m(app.services->patients());
    EXPECT_EQ(m.rowCount(), PatientListModel::kPageSize) << "only the first page at start-up";
    ASSERT_TRUE(m.canFetchMore({}));
    // The tester itself fetches (as a view does when scrolled to the end).
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.fetchMore({});
    EXPECT_EQ(m.rowCount(), total);
    EXPECT_FALSE(m.canFetchMore({}));
    EXPECT_EQ(m.index(total - 1, 0).data().toString(),
              QString::asprintf("Patient %04d", total - 1));

    MainWindow fresh(*app.services);
    ASSERT_TRUE(fresh.selectPatient(last)) << "found by search beyond the first page";
    EXPECT_EQ(fresh.patientPage()->patientId(), last);
}

} // namespace
} // namespace hepdesk::gui

#include "CustomExerciseDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPlainTextEdit>

namespace hepdesk::gui {
namespace {

TEST(CustomExercises, ValidatedByTheCoreStoredAndJudgedByTheSameRules) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    CustomExerciseDialog d(*app.services);
    d.idEdit()->setText(QStringLiteral("clinic_wall_twist"));
    d.nameEdit("en")->setText(QStringLiteral("Wall twist"));
    d.regionBox(Region::MidBack)->setChecked(true);
    d.movementBox(Movement::Rotation)->setChecked(true);
    d.positionBox()->setCurrentText(QStringLiteral("standing"));
    d.stepsEdit("en")->setPlainText(QStringLiteral("Stand with your side to a wall.\nTurn to "
                                                   "touch the wall with both hands."));
    d.stopIfEdit("en")->setPlainText(QStringLiteral("Pain gets sharp."));
    auto missing = d.save();
    ASSERT_FALSE(missing.ok()) << "the Spanish text is missing";
    EXPECT_NE(missing.error().message.find("clinic_wall_twist"), std::string::npos)
        << missing.error().message;

    d.nameEdit("es")->setText(QStringLiteral("Giro en la pared"));
    d.stepsEdit("es")->setPlainText(QStringLiteral("Párese de lado junto a una pared.\nGire "
                                                   "para tocar la pared con las dos manos."));
    d.stopIfEdit("es")->setPlainText(QStringLiteral("El dolor se vuelve agudo."));
    d.tipsEdit("en")->setPlainText(QStringLiteral("Turn only as far as feels easy."));
    d.tipsEdit("es")->setPlainText(QStringLiteral("Gire solo hasta donde se sienta fácil."));
    for (auto* e : d.findChildren<QLineEdit*>()) {
        if (e->accessibleName().startsWith(QStringLiteral("Picture description"))) {
            e->setText(QStringLiteral("A person turns toward a wall."));
        }
    }
    auto saved = d.save();
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    d.show();
    EXPECT_TRUE(test::grabTo(d, "custom-exercise-dialog.png"));

    ASSERT_NE(app.services->catalog().find("clinic_wall_twist"), nullptr);
    Screening s;
    s.findings.insert("osteoporosis");
    auto a = assess(s, app.services->rules(), app.services->catalog());
    ASSERT_TRUE(a.ok());
    const Eligibility* e = a->eligibilityOf("clinic_wall_twist");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EligibilityStatus::Caution) << "rotation under weak bones";

    // Reopening the app keeps it.
    app.open();
    ASSERT_TRUE(app.services);
    EXPECT_NE(app.services->catalog().find("clinic_wall_twist"), nullptr);
    CustomExerciseDialog again(*app.services);
    ASSERT_TRUE(again.load("clinic_wall_twist").ok());
    EXPECT_EQ(again.nameEdit("es")->text(), QStringLiteral("Giro en la pared"));
}

} // namespace
} // namespace hepdesk::gui
