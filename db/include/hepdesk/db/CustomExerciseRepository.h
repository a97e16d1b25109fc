#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/ReadFile.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {

class Database;

/// The largest photo a custom exercise may carry: core's one limit (kMaxPhotoFileBytes, the
/// image intake's), named here for the database's readers.
inline constexpr std::size_t kMaxCustomExercisePhotoBytes = kMaxPhotoFileBytes;

/// One exercise written by the clinic, stored as the catalog-entry JSON text it was given.
/// The db checks that it is a JSON object; the clinical core's catalog parser validates its
/// content when loading, exactly as for the shipped catalog files.
struct CustomExercise {
    std::string id;   ///< snake_case, unique ("my_wall_slide")
    std::string name; ///< for lists (the clinician's language)
    std::string json; ///< the catalog entry, verbatim
    /// Optional photo the handout shows instead of a drawn figure: PNG or JPEG bytes, at most
    /// kMaxCustomExercisePhotoBytes; empty when there is none.
    std::string photo;
    std::string photoMime; ///< "image/png" or "image/jpeg"; empty exactly when `photo` is
    bool operator==(const CustomExercise&) const = default;
};

/// Storage of the clinic's own exercises.
class CustomExerciseRepository {
public:
    virtual ~CustomExerciseRepository() = default;
    /// Adds the exercise or replaces the one with the same id (its photo included: an empty
    /// photo removes a stored one). A photo that is too large, is not a PNG or JPEG, or does
    /// not match its MIME type is refused, naming the exercise.
    virtual Status put(const CustomExercise& exercise) = 0;
    virtual Result<CustomExercise> get(std::string_view id) = 0;
    virtual Status remove(std::string_view id) = 0;
    /// Sorted by id.
    virtual Result<std::vector<CustomExercise>> list() = 0;
};

/// CustomExerciseRepository on a HepDesk SQLite database (which must outlive it).
class SqliteCustomExerciseRepository final : public CustomExerciseRepository {
public:
    explicit SqliteCustomExerciseRepository(Database& db) : db_(db) {}
    Status put(const CustomExercise& exercise) override;
    Result<CustomExercise> get(std::string_view id) override;
    Status remove(std::string_view id) override;
    Result<std::vector<CustomExercise>> list() override;

private:
    Database& db_;
};

} // namespace hepdesk::db
