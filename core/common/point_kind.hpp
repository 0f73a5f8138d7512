// What kind of point the second-order test finds (chapter-notes.md §4): the surfaces' critical
// points (surface/critical_points.hpp) and a network's (learn/network_critical.hpp) share it.
#pragma once

namespace pg {

enum class PointKind { Minimum, Maximum, Saddle, Degenerate, NotCritical };

// "minimum", "maximum", "saddle", "degenerate", "not-critical" (as the CLI prints them).
inline const char* kind_name(PointKind kind) {
  switch (kind) {
    case PointKind::Minimum:
      return "minimum";
    case PointKind::Maximum:
      return "maximum";
    case PointKind::Saddle:
      return "saddle";
    case PointKind::Degenerate:
      return "degenerate";
    case PointKind::NotCritical:
      return "not-critical";
  }
  return "not-critical";
}

}  // namespace pg
