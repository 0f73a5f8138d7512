// Adam, AMSGrad and AdamW (torch.optim.Adam, torch.optim.AdamW), worked by hand on
// f = ½(x² + 4y²), ∇f = (x, 4y), from θ0 = (1, 1).
#include <cmath>

#include "optim/torch_math.hpp"
#include "optim_test_support.hpp"

using pg_test::check_path;
using pg_test::params;
using pg_test::quadratic_path;

TEST_CASE("adam: three updates by hand") {
  // η = 0.1, β1 = 0.9, β2 = 0.999, ε = 1e-8:
  // m = β1 m + (1−β1) g; v = β2 v + (1−β2) g²; θ −= η/(1−β1ᵗ) · m/(√v/√(1−β2ᵗ) + ε).
  // t=1  x: m = 0.1, v = 0.001, m̂ = 1, denominator = √0.001/√0.001 + ε = 1.00000001,
  //         x1 = 1 − 0.1/1.00000001 = 0.900000001
  //      y: m = 0.4, v = 0.016, m̂ = 4, denominator = 4.00000001, y1 = 1 − 0.4/4.00000001
  // t=2  x: g = 0.900000001, m = 0.18, v = 0.001809, m̂ = 0.18/0.19 = 0.9473684216,
  //         denominator = √0.001809/√0.001999 + ε = 0.9512899117, x2 = 0.80041222971233739
  //      y: g = 3.600000001, m = 0.72, v = 0.028944, m̂ = 3.789473685, denominator = 3.805159616,
  //         y2 = 0.80041222818151947
  // t=3  x: g = 0.8004122297, m = 0.2420412231, v = 0.002447850739, m̂ = m/0.271 = 0.8931410445,
  //         denominator = 0.9037514918, x3 = 0.70158627450441424
  //      y: m = 0.9681648914, v = 0.03916561177, m̂ = 3.572564175, denominator = 3.615005935,
  //         y3 = 0.70158627216683722
  check_path(quadratic_path("adam", params({{"lr", 0.1}})),
             {{0.90000000099999999, 0.90000000025000004},
              {0.80041222971233739, 0.80041222818151947},
              {0.70158627450441424, 0.70158627216683722}});
}

TEST_CASE("adam: coupled weight decay adds λθ to the gradient") {
  // λ = 0.5: g = (1.5x, 4.5y).
  // t=1  x: g = 1.5, m̂ = 1.5, denominator = 1.50000001, x1 = 1 − 0.1·1.5/1.50000001
  // t=2  x: g = 1.350000001, m = 0.27, v = 0.00407025, m̂ = 1.421052632, denominator
  //         = 1.426934862, x2 = 0.80041222903197384
  // t=3  x: g = 1.200618344, m = 0.3630618344, v = 0.00550766416, m̂ = 1.339711566,
  //         denominator = 1.355627232, x3 = 0.70158627346549107 (y likewise)
  check_path(quadratic_path("adam", params({{"lr", 0.1}, {"weight_decay", 0.5}})),
             {{0.90000000066666663, 0.90000000022222226},
              {0.80041222903197384, 0.8004122281248226},
              {0.70158627346549107, 0.70158627208026025}});
}

TEST_CASE("adamw: decoupled weight decay shrinks θ by 1 − ηλ first") {
  // λ = 0.5, η = 0.1: θ ← 0.95 θ, then the Adam step with g = ∇f at the old θ.
  // t=1  x: 0.95 − 0.1/1.00000001 = 0.850000001;  y: 0.95 − 0.4/4.00000001
  // t=2  x: g = 0.850000001, θ ← 0.95·0.850000001 = 0.807500001, m = 0.175, v = 0.0017215,
  //         m̂ = 0.9210526321, denominator = 0.9279981733, x2 = 0.70824844436565171
  // t=3  x: g = 0.7082484444, m = 0.2283248445, v = 0.002221394361, m̂ = 0.8425271016,
  //         denominator = 0.8609330768, x3 = 0.57497393225324533
  check_path(quadratic_path("adamw", params({{"lr", 0.1}, {"weight_decay", 0.5}})),
             {{0.85000000099999995, 0.85000000025},
              {0.70824844436565171, 0.70824844285679123},
              {0.57497393225324533, 0.57497392998577146}});
}

TEST_CASE("adamw: default weight_decay is 0.01") {
  // λ = 0.01, η = 0.1, one update on x: 1·(1 − 0.001) − 0.1/1.00000001 = 0.899000001
  check_path({quadratic_path("adamw", params({{"lr", 0.1}}), {0.1}).front()},
             {{0.89900000099999999, 0.89900000025000004}});
}

TEST_CASE("adam: amsgrad divides by the largest second moment so far") {
  // η = 0.5, β2 = 0.5, so v falls once the gradient shrinks.
  // t=1  x: m = 0.1, v = 0.5, m̂ = 1, denominator = √0.5/√0.5 + ε, x1 = 1 − 0.5/1.00000001
  //         = 0.500000005
  // t=2  x: g = 0.500000005, m = 0.14, v = 0.25 + 0.125 = 0.375 < v̂ = 0.5,
  //         m̂ = 0.14/0.19 = 0.7368421079, denominator = √0.5/√0.75 + ε = 0.8164965909
  //         (plain Adam: √0.375/√0.75 + ε = 0.7071067935), x2 = 0.5 − 0.5·m̂/0.8164965909
  //         = 0.048778214191592277 (plain Adam: −0.021026037050983746)
  // t=3  x: g = 0.04877821419, m = 0.1308778219, v = 0.1886896583, v̂ = 0.5, m̂ = 0.4829439921,
  //         denominator = √0.5/√0.875 + ε = 0.755928956, x3 = −0.27065920667453525
  //      y: the same with g scaled: v̂ = 8, ...
  check_path(quadratic_path("adam", params({{"lr", 0.5}, {"beta2", 0.5}, {"amsgrad", 1}})),
             {{0.50000000499999997, 0.50000000124999999},
              {0.048778214191592277, 0.048778207505485324},
              {-0.27065920667453525, -0.27065921407431759}});
  check_path(quadratic_path("adam", params({{"lr", 0.5}, {"beta2", 0.5}})),
             {{0.50000000499999997, 0.50000000124999999},
              {-0.021026037050983746, -0.021026046234259011},
              {-0.51455247944544125, -0.51455249259619662}});
}

TEST_CASE("bias correction: skipping the saturated pow never changes 1 − βᵗ") {
  // The cached form must equal PyTorch's 1 - beta ** step at every step, also when β changes.
  pg::BiasCorrection correction;
  for (double beta : {0.9, 0.999, 0.0, 0.5, 0.9}) {
    for (long step = 1; step <= 60000; ++step) {
      const double expected = 1 - std::pow(beta, static_cast<double>(step));
      if (correction.at(beta, step) != expected) {
        FAIL("β = " << beta << ", t = " << step);
      }
    }
  }
  CHECK(correction.at(0.9, 1) == Approx(0.1).epsilon(1e-15));  // back to an early step
}
