// Drawing data for the page: what a network outputs, and what every neuron computes, on a
// regular n×n grid over the data view [-6, 6]², each in ONE call.
//
// Grid convention (TensorFlow Playground's): column c is at x = −6 + 12c/(n−1), row r at
// y = 6 − 12r/(n−1), so row 0 is the top edge and both edges are sampled (n = 1: the centre).
//
// The passes run in float32 on tiles of points (learn/float_pass.hpp, shared with the loss
// landscape). float32 is
// plenty for colours; the numbers that are reported (losses, accuracy) come from the double
// passes of Mlp. Results are bit-identical natively and in wasm (IEEE float, no contraction).
// The buffers never hold NaN: where a diverged network's huge weights give one, a probability
// becomes 1/K and any other value 0.
#pragma once

#include <vector>

#include "learn/features.hpp"
#include "learn/mlp.hpp"

namespace pg {

// Class probabilities (softmax of the outputs) or, for regression, the predicted value, at every
// grid point: out[(row·n + column)·K + k], K = network.outputs(). `out` holds n·n·K floats.
// `features` are the network's inputs (network.inputs() of them); n ≥ 1.
void decision_grid(const Mlp& network, const std::vector<Feature>& features, int n, float* out);

// The number of maps neuron_grids() draws: one per input feature and one per hidden neuron.
int neuron_grid_count(const Mlp& network);

// Every input feature's and every hidden neuron's value after its activation, on an n×n grid:
// out[(node·n + row)·n + column], nodes in drawing order (the features, then each hidden layer
// top to bottom). `out` holds neuron_grid_count(network)·n·n floats.
void neuron_grids(const Mlp& network, const std::vector<Feature>& features, int n, float* out);

}  // namespace pg
