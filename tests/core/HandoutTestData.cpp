#include "HandoutTestData.h"

#include "TestSupport.h"

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

namespace hepdesk::handout::test {

const HandoutWriter& shippedWriter() {
    static const HandoutWriter w = [] {
        auto r = HandoutWriter::load(hepdesk::test::templatesDir());
        if (!r) {
            ADD_FAILURE() << r.error().message;
            std::abort();
        }
        return std::move(*r);
    }();
    return w;
}
namespace {

LocalizedText lt(std::string en, std::string es) {
    LocalizedText t;
    t.byLang["en"] = std::move(en);
    t.byLang["es"] = std::move(es);
    return t;
}

CatalogEntry exercise(std::string id, LocalizedText name, std::vector<LocalizedText> steps) {
    CatalogEntry e;
    e.id = std::move(id);
    e.name = std::move(name);
    e.steps = std::move(steps);
    return e;
}

void quiet(const std::string& /*message*/, void* /*closure*/) {}

/// libharu 2.3.0's ToUnicode CMaps make Poppler warn on every page (text still extracts):
/// keep the test log readable.
const bool kQuiet = [] {
    poppler::set_debug_error_function(quiet, nullptr);
    return true;
}();

} // namespace

std::vector<CatalogEntry> smallCatalog() {
    std::vector<CatalogEntry> c;
    c.push_back(exercise(
        "bird_dog", lt("Bird dog", "Perro de caza"),
        {lt("Get on your hands and knees.", "Póngase a cuatro patas."),
         lt("Reach one arm forward and the other leg back.",
            "Estire un brazo hacia delante y la pierna contraria hacia atrás."),
         lt("Keep your back flat. Switch sides.", "Mantenga la espalda recta. Cambie de lado.")}));
    c.push_back(exercise("cat_cow", lt("Cat-cow", "Gato-vaca"),
                         {lt("Get on your hands and knees.", "Póngase a cuatro patas."),
                          lt("Breathe in. Let your belly sink and lift your head a little.",
                             "Tome aire. Deje bajar la barriga y levante un poco la cabeza."),
                          lt("Breathe out. Round your back up like a cat.",
                             "Suelte el aire. Curve la espalda hacia arriba como un gato.")}));
    c.push_back(exercise("chin_tuck", lt("Chin tuck", "Retracción de barbilla"),
                         {lt("Sit tall in a chair.", "Siéntese derecho en una silla."),
                          lt("Draw your chin straight back. Do not tip your head down.",
                             "Lleve la barbilla hacia atrás. No baje la cabeza.")}));
    c.push_back(exercise("dead_hang", lt("Dead hang", "Colgarse de una barra"),
                         {lt("Hold a bar over your head.", "Agarre una barra.")}));
    CatalogEntry walk;
    walk.id = "avoid_walking_on_back";
    walk.kind = CatalogEntry::Kind::Avoid;
    walk.name = lt("Someone walking on your back", "Que alguien le camine por la espalda");
    walk.why =
        lt("It can break ribs or hurt your spine.", "Puede romper costillas o dañar la columna.");
    walk.alwaysOnHandout = true;
    c.push_back(walk);
    CatalogEntry neck = walk;
    neck.id = "avoid_lay_neck_cracking";
    neck.name = lt("Anyone but a licensed clinician cracking your neck",
                   "Que le truene el cuello alguien sin licencia");
    neck.why = lt("It can injure a blood vessel and cause a stroke.",
                  "Puede dañar un vaso sanguíneo y causar un derrame cerebral.");
    c.push_back(neck);
    CatalogEntry hang = walk;
    hang.id = "avoid_rack_or_door_frame_jerk";
    hang.name = lt("Jerking your body in a door frame", "Dar tirones en el marco de una puerta");
    hang.why = lt("Fast pulls can strain weak bones.", "Los tirones pueden dañar huesos débiles.");
    hang.alwaysOnHandout = false;
    hang.relevantFindings = {"osteoporosis"};
    c.push_back(hang);
    return c;
}

HandoutRequest routineRequest() {
    HandoutRequest r;
    r.clinic.name = "Riverside Physical Therapy";
    r.clinic.address = "12 Mill Street\nSpringfield";
    r.clinic.phone = "555-0100";
    r.clinic.clinicianName = "Dana Ortiz";
    r.clinic.clinicianCredentials = "PT, DPT";
    r.patientName = "Maria Lopez";
    r.sessionDate = "2026-11-20";
    r.program.items = {{"cat_cow", Dosage{2, 10, 5, 2, false}, "Go slowly in the morning."},
                       {"bird_dog", Dosage{1, 8, 3, 1, true}, ""},
                       {"chin_tuck", Dosage{1, 10, 0, 3, false}, ""}};
    r.assessment.level = TriageLevel::Routine;
    for (const char* id : {"bird_dog", "cat_cow", "chin_tuck"}) {
        r.assessment.eligibility.push_back({id, EligibilityStatus::Eligible, {}});
    }
    Eligibility& cat = r.assessment.eligibility[1];
    cat.status = EligibilityStatus::Caution;
    EligibilityReason why;
    why.findingId = "osteoporosis";
    why.ruleId = "osteoporosis_flexion";
    why.clinicianReason = "Osteoporosis: avoid end-range loaded flexion";
    why.patientNote = lt("Because you have weak bones: round your back only a little.",
                         "Porque sus huesos son débiles: curve la espalda solo un poco.");
    cat.reasons.push_back(why);
    r.assessment.eligibility.push_back(
        {"dead_hang",
         EligibilityStatus::Excluded,
         {{"osteoporosis", "osteoporosis_traction", "Osteoporosis: no traction-type hangs", {}}}});
    r.findingIds = {"osteoporosis"};
    return r;
}

std::vector<std::string> pdfPageTexts(const std::string& pdf) {
    std::vector<std::string> out;
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!doc) {
        return out;
    }
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> p(doc->create_page(i));
        const poppler::byte_array b =
            p->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
        out.emplace_back(b.begin(), b.end());
    }
    return out;
}

Raster rasterize(const std::string& pdf, int index, double dpi) {
    Raster r;
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!doc || index >= doc->pages()) {
        return r;
    }
    std::unique_ptr<poppler::page> p(doc->create_page(index));
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const poppler::image img = renderer.render_page(p.get(), dpi, dpi);
    r.width = img.width();
    r.height = img.height();
    const auto* data = reinterpret_cast<const unsigned char*>(img.const_data());
    for (int y = 0; y < img.height(); ++y) {
        const auto* row = data + static_cast<std::ptrdiff_t>(y) * img.bytes_per_row();
        r.pixels.insert(r.pixels.end(), row, row + img.width() * 4);
    }
    return r;
}

std::pair<int, std::string> qpdfCheck(const std::string& pdf) {
    hepdesk::test::TempDir dir;
    const auto path = dir / "check.pdf";
    hepdesk::test::writeFile(path, pdf);
    const auto r = hepdesk::test::runProcess(HEPDESK_QPDF, {"--check", path.string()});
    return {r.exitCode, r.out + r.err};
}

std::string squash(const std::string& s) {
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out.push_back(' ');
        }
        space = false;
        out.push_back(c);
    }
    return out;
}

} // namespace hepdesk::handout::test
