// RMSProp (torch.optim.RMSprop) and the chapter's book RMSProp, worked by hand on
// f = ½(x² + 4y²), ∇f = (x, 4y), from θ0 = (1, 1).
#include <cmath>

#include "optim_test_support.hpp"

using pg_test::check_path;
using pg_test::params;
using pg_test::quadratic_path;

TEST_CASE("rmsprop: three updates by hand") {
  // η = 0.01, α = 0.99, ε = 1e-8: v = α v + (1−α) g²; d = √v + ε; θ −= η g/d.
  // t=0  x: v = 0.01, d = 0.10000001, x1 = 1 − 0.01/0.10000001 = 0.90000000999999896
  //      y: v = 0.16, d = 0.40000001, y1 = 1 − 0.04/0.40000001 = 0.9000000024999999
  // t=1  x: g = 0.90000001, v = 0.0099 + 0.0081000002 = 0.01800000018, d = 0.1341640893,
  //         x2 = x1 − 0.01·g/d = 0.83291797526505917
  //      y: g = 3.60000001, v = 0.2880000007, d = 0.5366563253, y2 = 0.83291796432251974
  // t=2  x: g = 0.8329179753, v = 0.02475752371, d = 0.1573452473, x3 = 0.77998228198235398
  //      y: g = 3.331671857, v = 0.3961203744, d = 0.6293809553, y3 = 0.77998226887427524
  check_path(quadratic_path("rmsprop", params({{"lr", 0.01}})),
             {{0.90000000999999896, 0.9000000024999999},
              {0.83291797526505917, 0.83291796432251974},
              {0.77998228198235398, 0.77998226887427524}});
}

TEST_CASE("rmsprop: centered divides by the variance estimate") {
  // ḡ = α ḡ + (1−α) g; d = sqrt(v − ḡ²) + ε.
  // t=0  x: v = 0.01, ḡ = 0.01, d = sqrt(0.0099) + ε = 0.09949875371, x1 = 1 − 0.01/d
  //         = 0.89949622857508793
  //      y: v = 0.16, ḡ = 0.04, d = sqrt(0.1584) + ε = 0.3979949848, y1 = 0.89949622099933124
  // t=1  x: g = 0.8994962286, v = 0.01799093465, ḡ = 0.01889496229, d = 0.1327927623,
  //         x2 = 0.83175938710303154
  //      y: g = 3.597984884, v = 0.2878549523, ḡ = 0.07557984884, d = 0.531171017,
  //         y2 = 0.83175937601580119
  // t=2  x: v = 0.02472926209, ḡ = 0.02702360653, d = 0.1549160736, x3 = 0.7780684196313441
  //      y: v = 0.3956681883, ḡ = 0.1080944254, d = 0.6196642606, y3 = 0.77806840631444429
  check_path(quadratic_path("rmsprop", params({{"lr", 0.01}, {"centered", 1}})),
             {{0.89949622857508793, 0.89949622099933124},
              {0.83175938710303154, 0.83175937601580119},
              {0.7780684196313441, 0.77806840631444429}});
}

TEST_CASE("rmsprop: momentum accumulates the scaled steps") {
  // μ = 0.9: b = μ b + g/d; θ −= η b.
  // t=0  x: b = 1/0.10000001 = 9.999999, x1 = 0.90000001;  y: b = 9.99999975, y1 = 0.9000000025
  // t=1  x: b = 8.9999991 + 0.90000001/0.1341640893 = 15.70820257, x2 = x1 − 0.1570820257
  //         = 0.74291798426505828
  //      y: b = 15.70820359, y2 = 0.74291796657251974
  // t=2  x: g = 0.7429179843, v = 0.02333927149, d = 0.1527719691, b = 19.0003031,
  //         x3 = 0.55291495323440776
  //      y: g = 2.971671866, v = 0.3734283375, d = 0.6110878413, b = 19.00030418,
  //         y3 = 0.55291492472623904
  check_path(quadratic_path("rmsprop", params({{"lr", 0.01}, {"momentum", 0.9}})),
             {{0.90000000999999896, 0.9000000024999999},
              {0.74291798426505828, 0.74291796657251974},
              {0.55291495323440776, 0.55291492472623904}});
}

TEST_CASE("rmsprop: centered with momentum") {
  // As the two cases above combined: b = μ b + g/d with the centered d.
  // t=0  x: b = 1/0.09949875371 = 10.05037714;  t=1: d = 0.1327927623, b = 15.81902358;
  // t=2  x: g = 0.7413059928, v = 0.02330637106, ḡ = 0.02611907259, d = 0.1504133242,
  //         b = 19.16558082, x3 = 0.54965018457705495;  y3 = 0.54965015568625686
  check_path(quadratic_path("rmsprop", params({{"lr", 0.01}, {"momentum", 0.9}, {"centered", 1}})),
             {{0.89949622857508793, 0.89949622099933124},
              {0.7413059928206106, 0.74130597491519934},
              {0.54965018457705495, 0.54965015568625686}});
}

TEST_CASE("rmsprop book form: σ_0 = |g_0|, then σ_t = sqrt(α σ² + (1−α) g²)") {
  // η = 0.1, α = 0.99.
  // t=0  x: σ = |1| = 1, x1 = 0.9;  y: σ = |4| = 4, y1 = 0.9: the first move is exactly η.
  // t=1  x: g = 0.9, σ = sqrt(0.99 + 0.01·0.81) = sqrt(0.9981) = 0.99904954832080273,
  //         x2 = 0.9 − 0.1·0.9/σ = 0.80991437796926935
  //      y: g = 3.6, σ = sqrt(0.99·16 + 0.01·12.96) = sqrt(15.9696) = 3.99619819328321 = 4·(x's σ)
  // t=2  x: g = 0.809914378, σ = sqrt(0.99·0.9981 + 0.01·0.6559612) = 0.99733575740390135,
  //         x3 = 0.72870658290559853
  auto optimizer = pg::make_optimizer("rmsprop", params({}, true), 2);
  pg_test::Point theta = {1, 1};
  double m[2], sigma[2];
  const double expected_x[] = {0.9, 0.80991437796926935, 0.72870658290559853};
  const double expected_sigma_x[] = {1, 0.99904954832080273, 0.99733575740390135};
  for (int k = 0; k < 3; ++k) {
    const pg_test::Point gradient = pg_test::quadratic_gradient(theta);
    optimizer->step(theta.data(), gradient.data(), 0.1, m, sigma);
    CHECK(theta[0] == Approx(expected_x[k]).epsilon(1e-12));
    CHECK(theta[1] == Approx(expected_x[k]).epsilon(1e-12));
    CHECK(sigma[0] == Approx(expected_sigma_x[k]).epsilon(1e-12));
    CHECK(sigma[1] == Approx(4 * expected_sigma_x[k]).epsilon(1e-12));
  }
}

TEST_CASE("rmsprop book form: first move is exactly ±lr, and σ = 0 means no move") {
  auto optimizer = pg::make_optimizer("rmsprop", params({{"alpha", 0.5}}, true), 3);
  double theta[3] = {1, 1, 1};
  const double gradient[3] = {-3e-7, 0, 42};
  double m[3], sigma[3];
  optimizer->step(theta, gradient, 0.125, m, sigma);
  CHECK(theta[0] == 1.125);
  CHECK(theta[1] == 1);  // σ_0 = |0| = 0: no move, reported m = 0, σ = 1
  CHECK(m[1] == 0);
  CHECK(sigma[1] == 1);
  CHECK(theta[2] == 0.875);
  CHECK(sigma[2] == 42);
}
