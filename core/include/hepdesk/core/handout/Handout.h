#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Program.h"
#include "hepdesk/core/handout/Painter.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <set>
#include <string>
#include <vector>

namespace hepdesk::handout {

/// Who gives the handout: printed in its header and footer.
struct ClinicInfo {
    std::string name;
    std::string address; ///< may hold several lines separated by '\n'
    std::string phone;
    std::string clinicianName;
    std::string clinicianCredentials;      ///< "PT, DPT"
    std::shared_ptr<const ImageData> logo; ///< optional PNG or JPEG
};

/// PNG or JPEG bytes as ImageData (format and pixel size from the header); `what` names the
/// image in errors.
Result<std::shared_ptr<const ImageData>> imageFromBytes(std::string bytes, std::string_view what);
/// The most pixels an image may have (a 25-megapixel photo; more only costs memory).
inline constexpr long long kMaxImagePixels = 25'000'000;
/// Proves that the PDF writer can embed `image`: at most kMaxImagePixels, and for a PNG every
/// chunk and all pixel data decode (libharu aborts the whole process on a damaged PNG, so this
/// runs before any PNG reaches it). JPEG data is embedded as is, never decoded by the writer:
/// its header (read by imageFromBytes) is all it needs. Errors name the image (`what`).
Status checkImageReadable(const ImageData& image);
/// Reads a PNG or JPEG file of at most `maxBytes` (a regular file: see readRegularFile) into
/// ImageData (format and pixel size from its header).
Result<std::shared_ptr<const ImageData>> loadImage(const std::filesystem::path& file,
                                                   std::uintmax_t maxBytes);
/// Parses a clinic file: {"name", "address", "phone", "clinician_name",
/// "clinician_credentials", "logo": path relative to the file, a PNG or JPEG of at most
/// kMaxLogoFileBytes}. Only "name" is required.
Result<ClinicInfo> clinicFromJson(const nlohmann::json& j, const std::filesystem::path& file);

/// Per-handout choices.
struct HandoutOptions {
    enum class Paper { A4, Letter };
    std::string lang = "en";
    bool largePrint = false; ///< 18 pt body, one column, wider spacing
    Paper paper = Paper::A4;
    /// How pages are laid out. A signed session's snapshot keeps the version it was signed
    /// with, so its reprint stays byte-identical after the layout improves. 1: exercises never
    /// split, a block taller than a page overflows; 2: pages fill, long blocks continue on the
    /// next page marked "continued", headings and the signature keep with their content;
    /// 3: a large-print exercise continues on the next page at a clean point (after its
    /// title, pictures and first step; its dosage and boxes whole), pictures the standard
    /// size scaled with the text, so pages fill.
    int layoutVersion = kCurrentLayoutVersion;
    static constexpr int kCurrentLayoutVersion = 3;
    /// Adds the exercise log as the last page: a two-week grid of tick boxes per exercise, a
    /// daily pain 0-10 row and room for a note, for the patient to bring to the next visit.
    bool exerciseLog = false;
    /// The clinician's copy: the patient's handout plus the referral override page. Chosen
    /// when rendering, never stored in a signed session's snapshot: the patient's copy is what
    /// a session records and reprints.
    bool clinicianCopy = false;
};

/// Everything one handout is made from.
struct HandoutRequest {
    ClinicInfo clinic;
    std::string patientName;
    std::string sessionDate; ///< "YYYY-MM-DD": printed, and the only date in the file
    Program program;
    Assessment assessment;
    std::set<std::string> findingIds; ///< screening findings (selects the "avoid" entries)
    /// Required when the triage level forbids a handout. Printed only on the clinician's copy
    /// (a final page); the patient's copy opens instead with what the triage means for them.
    std::string overrideReason;
    HandoutOptions options;
    /// The patient's PSFS activities, in their words: printed under "Your goals" (none: no
    /// such section).
    std::vector<std::string> goals = {};
};

/// One exercise as the patient reads it: every text already in the handout's language.
struct ExerciseSection {
    std::string id;
    std::string name;
    std::string figureId;                   ///< empty when no figure exists or a photo replaces it
    std::shared_ptr<const ImageData> photo; ///< a custom exercise's photo, drawn instead
    std::vector<std::string> steps;
    std::string dosage; ///< "2 sets of 10, hold 5 seconds, twice a day, each side"
    std::string note;
    std::vector<std::string> cautions;
    /// "Too hard? Try ..." / "Too easy? Try ...": empty unless the exercise has an easier
    /// (harder) version that is fully eligible for this patient.
    std::string tooHard;
    std::string tooEasy;
};

struct AvoidSection {
    std::string name;
    std::string why;
};

/// The handout's content, resolved and translated: what the layout engine lays out.
struct HandoutDocument {
    std::string lang;
    bool largePrint = false;
    HandoutOptions::Paper paper = HandoutOptions::Paper::A4;
    int layoutVersion = HandoutOptions::kCurrentLayoutVersion;
    ClinicInfo clinic;
    std::string patientName;
    std::string dateText; ///< long form, in the handout's language
    std::vector<ExerciseSection> exercises;
    std::vector<AvoidSection> avoid;
    std::string overrideLevel;  ///< translated triage level when an override was needed
    std::string overrideReason; ///< empty on the patient's copy
    bool exerciseLog = false;
    std::vector<std::string> goals = {};
    /// With an override: the box that opens the patient's handout, in their language ("Go to
    /// an emergency department now"), what to do, and why in plain words (one per rule).
    std::string alertTitle;
    std::string alertText;
    std::vector<std::string> alertWhy;
    bool alertEmergency = false;
    bool clinicianCopy = false;
};

} // namespace hepdesk::handout
