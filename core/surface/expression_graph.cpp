// Building the graph: constant folding and shared subexpressions (see expression_graph.hpp).
#include "surface/expression_graph.hpp"

#include <cstring>

namespace pg::expr {

int GraphBuilder::add(Op op, int a, int b, double number) {
  auto constant_at = [&](int i) { return i >= 0 && (*this)[i].op == Op::Constant; };
  if (!is_leaf(op) && constant_at(a) && (b < 0 || constant_at(b))) {
    const double value = is_binary(op) ? binary_value(op, (*this)[a].number, (*this)[b].number)
                                       : unary_value(op, (*this)[a].number, number);
    return add(Op::Constant, -1, -1, value);
  }
  if (!share_) return append({op, a, b, number});
  std::uint64_t bits;  // the key compares the number bit for bit: 0 and −0 stay apart
  std::memcpy(&bits, &number, sizeof bits);
  const auto key = std::make_tuple(op, a, b, bits);
  const auto found = index_.find(key);
  if (found != index_.end()) return found->second;
  return index_[key] = append({op, a, b, number});
}

Graph GraphBuilder::finish(int result) const {
  std::vector<char> needed(nodes_.size(), 0);
  needed[static_cast<std::size_t>(result)] = 1;
  for (int i = result; i >= 0; --i) {
    const Node& node = (*this)[i];
    if (!needed[static_cast<std::size_t>(i)]) continue;
    if (node.a >= 0) needed[static_cast<std::size_t>(node.a)] = 1;
    if (node.b >= 0) needed[static_cast<std::size_t>(node.b)] = 1;
  }
  std::vector<int> renumbered(nodes_.size(), -1);
  Graph graph;
  for (int i = 0; i <= result; ++i) {
    if (!needed[static_cast<std::size_t>(i)]) continue;
    Node node = (*this)[i];
    if (node.a >= 0) node.a = renumbered[static_cast<std::size_t>(node.a)];
    if (node.b >= 0) node.b = renumbered[static_cast<std::size_t>(node.b)];
    renumbered[static_cast<std::size_t>(i)] = static_cast<int>(graph.size());
    graph.push_back(node);
  }
  return graph;
}

int GraphBuilder::append(const Node& node) {
  nodes_.push_back(node);
  return static_cast<int>(nodes_.size()) - 1;
}

}  // namespace pg::expr
