#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace core {

// Why a value could not be produced: a stable code and a translated message with a fix hint.
struct Error
{
    QString code;
    QString message;
    QString hint;
};

// Errors are values: either a T or an error (core::Error unless a layer needs a richer one, as
// the sandbox's ApiError), never an exception across layers.
template <typename T, typename E = Error>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(E error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_data); }
    T &value() { return std::get<T>(m_data); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    const E &error() const { return std::get<E>(m_data); }

private:
    std::variant<T, E> m_data;
};

// The form for operations that produce nothing but can fail: success, or an error. Replaces a
// bool that is always true and the bool + out-parameter error pair.
//   Result<void> save();  ...  return Result<void>::success();  /  return Error{...};
template <typename E> class Result<void, E>
{
public:
    Result() = default; // success
    Result(E error) : m_error(std::move(error)) {}
    static Result success() { return Result(); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const E &error() const { return *m_error; }

private:
    std::optional<E> m_error;
};

} // namespace core
