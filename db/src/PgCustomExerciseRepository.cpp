#include "RecordChecks.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/PgRepositories.h"

namespace hepdesk::db {
namespace {

constexpr const char* kSelect = "SELECT id, name, json, photo, photo_mime FROM custom_exercise";

CustomExercise readRow(const PgResult& r, int i) {
    return CustomExercise{r.text(i, 0), r.text(i, 1), r.text(i, 2),
                          r.isNull(i, 3) ? std::string() : r.bytes(i, 3), r.text(i, 4)};
}

Error missingExercise(std::string_view id) {
    return Error::notFound("no custom exercise '" + std::string(id) + "'");
}

} // namespace

Status PgCustomExerciseRepository::put(const CustomExercise& e) {
    if (auto s = checkCustomExercise(e); !s) {
        return s;
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        if (auto r = conn.exec(
                "INSERT INTO custom_exercise(id, name, json, photo, photo_mime, created_at, "
                "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json, "
                "photo = excluded.photo, photo_mime = excluded.photo_mime, "
                "updated_at = excluded.updated_at",
                {e.id, e.name, e.json, e.photo.empty() ? PgParam() : PgParam::bytes(e.photo),
                 e.photoMime, isoDateTime(Clock::current().now())});
            !r) {
            return r.error();
        }
        return PgAuditLog::record(db_, "custom_exercise.put", "custom_exercise", e.id);
    });
}

Result<CustomExercise> PgCustomExerciseRepository::get(std::string_view id) {
    auto r = db_.connection().exec(std::string(kSelect) + " WHERE id = $1", {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingExercise(id);
    }
    return readRow(*r, 0);
}

Status PgCustomExerciseRepository::remove(std::string_view id) {
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        auto r = conn.exec("DELETE FROM custom_exercise WHERE id = $1", {id});
        if (!r) {
            return r.error();
        }
        if (r->affected() == 0) {
            return missingExercise(id);
        }
        return PgAuditLog::record(db_, "custom_exercise.remove", "custom_exercise", id);
    });
}

Result<std::vector<CustomExercise>> PgCustomExerciseRepository::list() {
    auto r = db_.connection().exec(std::string(kSelect) + " ORDER BY id COLLATE \"C\"");
    if (!r) {
        return r.error();
    }
    std::vector<CustomExercise> out;
    for (int i = 0; i < r->rows(); ++i) {
        out.push_back(readRow(*r, i));
    }
    return out;
}

} // namespace hepdesk::db
