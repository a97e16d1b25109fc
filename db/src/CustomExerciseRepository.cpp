#include "hepdesk/db/CustomExerciseRepository.h"

#include "RecordChecks.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/ImageIntake.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"

#include <nlohmann/json.hpp>

namespace hepdesk::db {
namespace {

/// The photo's bytes must be the picture its MIME type claims, small enough to embed in
/// every handout: a handout must never carry something that is not the clinic's picture.
Status checkPhoto(const CustomExercise& e) {
    const std::string what = "photo of custom exercise " + e.id;
    if (e.photo.empty() != e.photoMime.empty()) {
        return Error::invalid(what + ": give both the image and its type, or neither");
    }
    if (e.photo.empty()) {
        return {};
    }
    if (e.photoMime != "image/png" && e.photoMime != "image/jpeg") {
        return Error::invalid(what + ": type must be image/png or image/jpeg, got '" +
                              e.photoMime.substr(0, 60) + "'");
    }
    // Core's intake: the signature, the photo's size limit, the header's pixel size, every PNG
    // decoded once.
    auto image = handout::intakeImage(e.photo, handout::ImageUse::ExercisePhoto, what);
    if (!image) {
        return image.error();
    }
    if (handout::mimeTypeOf(**image) != e.photoMime) {
        const bool png = (*image)->format == handout::ImageData::Format::Png;
        return Error::invalid(what + " is a " + (png ? "PNG" : "JPEG") +
                              " image but its type says '" + e.photoMime + "'");
    }
    return {};
}

CustomExercise readRow(const Statement& st) {
    return CustomExercise{st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3),
                          st.columnText(4)};
}

Status validateExercise(const CustomExercise& e) {
    if (e.id.empty() || e.id.size() > 64 ||
        e.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
        return Error::invalid("custom exercise id must be 1 to 64 characters of a-z, 0-9 and _, "
                              "got '" +
                              e.id.substr(0, 80) + "'");
    }
    if (auto s = checkRequiredText(e.name, "custom exercise name", kMaxNameBytes); !s) {
        return s;
    }
    if (auto s = checkText(e.json, "custom exercise " + e.id, kMaxNoteBytes); !s) {
        return s;
    }
    auto j = json::parse(e.json, "custom exercise " + e.id);
    if (!j) {
        return j.error();
    }
    if (!j->is_object()) {
        return json::fieldError("custom exercise " + e.id, "",
                                "expected a catalog entry object, got " + json::describe(*j));
    }
    if (auto it = j->find("id"); it != j->end() && (!it->is_string() || *it != e.id)) {
        return json::fieldError("custom exercise " + e.id, "/id",
                                "must equal the exercise id '" + e.id + "', got " +
                                    json::describe(*it));
    }
    return checkPhoto(e);
}

Error missingExercise(std::string_view id) {
    return Error::notFound("no custom exercise '" + std::string(id) + "'");
}

} // namespace

// Shared with the server backend (RecordChecks.h).
Status checkCustomExercise(const CustomExercise& e) {
    return validateExercise(e);
}

Status SqliteCustomExerciseRepository::put(const CustomExercise& e) {
    if (auto s = validateExercise(e); !s) {
        return s;
    }
    const std::optional<Blob> photo =
        e.photo.empty() ? std::nullopt : std::optional<Blob>(Blob{e.photo});
    return Transaction::run(db_.connection(), [&] {
        if (auto s = Statement::on(db_.connection(),
                                   "INSERT INTO custom_exercise(id, name, json, photo, photo_mime, "
                                   "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) "
                                   "ON CONFLICT(id) DO UPDATE SET name = excluded.name, json = "
                                   "excluded.json, photo = excluded.photo, photo_mime = "
                                   "excluded.photo_mime, updated_at = excluded.updated_at")
                         .bindAll(e.id, e.name, e.json, photo, e.photoMime,
                                  isoDateTime(Clock::current().now()))
                         .execute();
            !s) {
            return s;
        }
        return SqliteAuditLog::record(db_, "custom_exercise.put", "custom_exercise", e.id);
    });
}

Result<CustomExercise> SqliteCustomExerciseRepository::get(std::string_view id) {
    return Statement::on(db_.connection(),
                         "SELECT id, name, json, photo, photo_mime FROM custom_exercise "
                         "WHERE id = ?1")
        .bindAll(id)
        .queryOne(readRow, missingExercise(id));
}

Status SqliteCustomExerciseRepository::remove(std::string_view id) {
    return Transaction::run(db_.connection(), [&] {
        if (auto s = Statement::on(db_.connection(), "DELETE FROM custom_exercise WHERE id = ?1")
                         .bindAll(id)
                         .executeOnExisting(missingExercise(id));
            !s) {
            return s;
        }
        return SqliteAuditLog::record(db_, "custom_exercise.remove", "custom_exercise", id);
    });
}

Result<std::vector<CustomExercise>> SqliteCustomExerciseRepository::list() {
    return Statement::on(db_.connection(),
                         "SELECT id, name, json, photo, photo_mime FROM custom_exercise "
                         "ORDER BY id")
        .queryAll(readRow);
}

} // namespace hepdesk::db
