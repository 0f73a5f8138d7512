// The network's backward pass against central differences, for every activation, every output
// loss and every regularisation, on a tiny random network; and its parameter layout.
#include "learn/mlp.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "learn/catalogue.hpp"
#include "learn/random.hpp"

namespace {

// Three random points with three input values each, labelled 0..2 (or with real targets).
pg::Examples random_examples(int inputs, pg::Random& random) {
  pg::Examples examples;
  examples.count = 5;
  examples.inputs = inputs;
  for (int p = 0; p < examples.count; ++p) {
    for (int i = 0; i < inputs; ++i) examples.features.push_back(random.uniform(-2, 2));
    examples.labels.push_back(p % 3);
    examples.targets.push_back(random.uniform(-1, 1));
  }
  return examples;
}

double objective(pg::Mlp& network, const pg::Examples& examples, pg::Regularization kind,
                 double rate) {
  return network.evaluate(examples, nullptr).loss + network.regularization_penalty(kind, rate);
}

}  // namespace

TEST_CASE("backpropagation matches central differences for every activation, loss and penalty") {
  const pg::OutputLoss losses[] = {pg::OutputLoss::CrossEntropy, pg::OutputLoss::SquaredError,
                                   pg::OutputLoss::Regression};
  const pg::Regularization penalties[] = {pg::Regularization::None, pg::Regularization::L1,
                                          pg::Regularization::L2};
  for (const pg::ActivationInfo& info : pg::activation_catalogue()) {
    for (pg::OutputLoss loss : losses) {
      for (pg::Regularization penalty : penalties) {
        CAPTURE(info.name, static_cast<int>(loss), static_cast<int>(penalty));
        pg::Random random(42, pg::RandomStream::Data);
        pg::Mlp network(3, {4, 3}, 3, pg::parse_activation(info.name), loss);
        // Random weights AND biases, so that bias gradients are tested too.
        for (double& w : network.parameters()) w = random.uniform(-1, 1);
        pg::Examples examples = random_examples(3, random);
        std::vector<std::size_t> all(examples.count);
        std::iota(all.begin(), all.end(), std::size_t{0});
        const double rate = 0.03;

        std::vector<double> gradient(network.parameter_count());
        double loss_value =
            network.loss_and_gradient(examples, all.data(), examples.count, gradient.data());
        network.add_regularization_gradient(penalty, rate, gradient.data());
        CHECK(loss_value == Approx(network.evaluate(examples, nullptr).loss).epsilon(1e-14));

        const double h = 1e-6;
        for (std::size_t i = 0; i < network.parameter_count(); ++i) {
          double saved = network.parameters()[i];
          network.parameters()[i] = saved + h;
          double up = objective(network, examples, penalty, rate);
          network.parameters()[i] = saved - h;
          double down = objective(network, examples, penalty, rate);
          network.parameters()[i] = saved;
          CHECK(gradient[i] == Approx((up - down) / (2 * h)).margin(1e-7).epsilon(1e-5));
        }
      }
    }
  }
}

TEST_CASE("the gradient of a mini-batch is the mean over its points, chunked or not") {
  // 150 points span three passes of the workspace; the gradient of the whole must equal the
  // mean of the per-point gradients.
  pg::Random random(7, pg::RandomStream::Data);
  pg::Mlp network(2, {5}, 3, pg::Activation::Tanh, pg::OutputLoss::CrossEntropy);
  network.initialize(3);
  pg::Examples examples;
  examples.inputs = 2;
  examples.count = 150;
  for (int p = 0; p < examples.count; ++p) {
    examples.features.push_back(random.uniform(-6, 6));
    examples.features.push_back(random.uniform(-6, 6));
    examples.labels.push_back(p % 3);
    examples.targets.push_back(0);
  }
  std::vector<std::size_t> all(examples.count);
  std::iota(all.begin(), all.end(), std::size_t{0});
  std::vector<double> whole(network.parameter_count()), one(network.parameter_count()),
      mean(network.parameter_count(), 0.0);
  double whole_loss = network.loss_and_gradient(examples, all.data(), examples.count, whole.data());
  double mean_loss = 0;
  for (std::size_t p = 0; p < all.size(); ++p) {
    mean_loss += network.loss_and_gradient(examples, &all[p], 1, one.data()) / examples.count;
    for (std::size_t i = 0; i < one.size(); ++i) mean[i] += one[i] / examples.count;
  }
  CHECK(whole_loss == Approx(mean_loss).epsilon(1e-12));
  for (std::size_t i = 0; i < whole.size(); ++i) CHECK(whole[i] == Approx(mean[i]).margin(1e-12));
}

TEST_CASE("all parameters live in one vector with weights and biases where the layout says") {
  pg::Mlp network(7, {8, 8, 8, 8, 8, 8}, 2, pg::Activation::Tanh, pg::OutputLoss::CrossEntropy);
  CHECK(network.layer_sizes() == std::vector<int>{7, 8, 8, 8, 8, 8, 8, 2});
  // 7·8+8 + 5·(8·8+8) + 8·2+2 parameters, counted by hand.
  CHECK(network.parameter_count() == 64u + 5u * 72u + 18u);
  CHECK(network.weight_index(1, 0, 0) == 0u);
  CHECK(network.weight_index(1, 6, 0) == 6u);
  CHECK(network.weight_index(1, 0, 1) == 7u);
  CHECK(network.bias_index(1, 0) == 56u);
  CHECK(network.weight_index(2, 0, 0) == 64u);
  CHECK(network.bias_index(7, 1) == network.parameter_count() - 1);
  std::size_t weights = 0;
  for (std::size_t i = 0; i < network.parameter_count(); ++i) weights += network.is_weight(i);
  CHECK(weights == 56u + 5u * 64u + 16u);
  CHECK(!network.is_weight(network.bias_index(3, 4)));
  CHECK(network.is_weight(network.weight_index(3, 7, 7)));
}

TEST_CASE("initialisation: He for the ReLU family, Glorot otherwise, biases 0, seeded") {
  auto spread = [](pg::Activation activation, std::uint64_t seed) {
    pg::Mlp network(32, {32, 32}, 2, activation, pg::OutputLoss::CrossEntropy);
    network.initialize(seed);
    double sum = 0, largest = 0;
    int n = 0;
    for (int from = 0; from < 32; ++from)
      for (int to = 0; to < 32; ++to) {
        double w = network.weight(2, from, to);  // a hidden→hidden layer, fan in = fan out = 32
        sum += w * w;
        largest = std::fmax(largest, std::fabs(w));
        ++n;
      }
    for (int j = 0; j < 32; ++j) CHECK(network.parameters()[network.bias_index(2, j)] == 0.0);
    return std::make_pair(std::sqrt(sum / n), largest);
  };
  // He: deviation √(2/32) = 0.25. Glorot uniform: limit √(6/64) = 0.306, deviation 0.177.
  auto relu = spread(pg::Activation::Relu, 1);
  auto tanh = spread(pg::Activation::Tanh, 1);
  CHECK(relu.first == Approx(0.25).epsilon(0.08));
  CHECK(tanh.first == Approx(std::sqrt(6.0 / 64) / std::sqrt(3.0)).epsilon(0.08));
  CHECK(tanh.second <= std::sqrt(6.0 / 64));
  CHECK(spread(pg::Activation::Gelu, 1).first == Approx(0.25).epsilon(0.08));

  pg::Mlp a(2, {4}, 2, pg::Activation::Tanh, pg::OutputLoss::CrossEntropy);
  pg::Mlp b = a, c = a;
  a.initialize(5);
  b.initialize(5);
  c.initialize(6);
  CHECK(a.parameters() == b.parameters());
  CHECK(a.parameters() != c.parameters());
}

TEST_CASE("penalties: L1 is rate·Σ|w| and L2 rate·½Σw² over the weights, never the biases") {
  pg::Mlp network(1, {}, 2, pg::Activation::Linear, pg::OutputLoss::CrossEntropy);
  // One weight layer: W = (3, −4) then biases (100, 100).
  network.parameters() = {3, -4, 100, 100};
  CHECK(network.regularization_penalty(pg::Regularization::L1, 0.1) == Approx(0.7));
  CHECK(network.regularization_penalty(pg::Regularization::L2, 0.1) == Approx(1.25));
  CHECK(network.regularization_penalty(pg::Regularization::None, 0.1) == 0.0);
  std::vector<double> gradient(4, 0.0);
  network.add_regularization_gradient(pg::Regularization::L1, 0.1, gradient.data());
  CHECK(gradient == std::vector<double>{0.1, -0.1, 0, 0});
}

TEST_CASE("a network without hidden layers or features still runs") {
  pg::Mlp network(0, {}, 3, pg::Activation::Relu, pg::OutputLoss::CrossEntropy);
  network.initialize(1);
  double probabilities[3];
  network.predict(nullptr, probabilities);
  CHECK(probabilities[0] == Approx(1.0 / 3));
}
