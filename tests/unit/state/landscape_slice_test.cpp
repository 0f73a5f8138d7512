// Loss-landscape slices of a classify racer (state/landscape_slice.hpp): the grid's coordinates
// by the formula of docs/reference.md, grid values against J evaluated directly, paths that end
// at the centre, the thinned trajectory, and, on a network whose training converged, the
// curvature of the hessian plane at the centre against λ_max of the full Hessian.
#include "state/landscape_slice.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "open_link.hpp"
#include "state/network_analysis.hpp"

using namespace pg;

namespace {

// xor, full batch, Adam with a little L2: after 500 epochs ‖∇J‖ ≈ 3e-4 (checked below).
const char* const kConverged =
    "mode=classify&data=xor&epochs=500&net=4&batch=250&reg=l2&reg_rate=0.001&r=adam(lr:0.03)";

}  // namespace

TEST_CASE("slice axes: α = 0 exactly at index ⌊N/2⌋, step 2·span/(N − 1); the line's t = 1") {
  SliceRequest request;
  request.span = 0.5;
  request.grid = 5;
  CHECK(slice_axis(request, false) == std::vector<double>{-0.5, -0.25, 0, 0.25, 0.5});
  request.grid = 4;  // even: step 1/3, index 2 is 0
  const std::vector<double> even = slice_axis(request, true);
  REQUIRE(even.size() == 4);
  CHECK(even[2] == 0);
  CHECK(even[0] == Approx(-2.0 / 3));
  CHECK(even[3] == Approx(1.0 / 3));
  request.plane = SlicePlane::Line;
  request.grid = 9;  // step 0.25, t = 1 at index 6
  CHECK(slice_axis(request, false) ==
        std::vector<double>{-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5});
  CHECK(slice_axis(request, true) == std::vector<double>{0});
}

TEST_CASE("slice: grid values are J(θ* + αd1 + βd2), train and test; the path ends at (0, 0)") {
  const State state = test::open_link("mode=classify&data=circle&epochs=20&net=3&r=sgd(lr:0.1)");
  ClassifySession session(state);
  session.train_epochs(20);
  for (SlicePlane plane :
       {SlicePlane::Random, SlicePlane::Pca, SlicePlane::Hessian, SlicePlane::Saddle}) {
    SliceRequest request;
    request.plane = plane;
    request.grid = 5;
    request.span = 0.6;
    const Slice slice = compute_slice(session, request);
    REQUIRE(slice.objective.size() == 25);
    REQUIRE(slice.test_objective.size() == 25);
    NetworkObjective train = session.objective(0), test = session.objective(0, true);
    for (std::size_t j = 0; j < 5; ++j)
      for (std::size_t i = 0; i < 5; ++i) {
        std::vector<double> w = slice.weights;
        for (std::size_t k = 0; k < w.size(); ++k)
          w[k] += slice.alpha[i] * slice.d1[k] + slice.beta[j] * slice.d2[k];
        CHECK(slice.objective[j * 5 + i] == Approx(train.value(w)).epsilon(2e-5));
        CHECK(slice.test_objective[j * 5 + i] == Approx(test.value(w)).epsilon(2e-5));
      }
    // The centre is the racer's own training objective: data loss + penalty at θ*.
    CHECK(slice.objective[12] ==
          Approx(session.latest(0).train_loss + session.latest(0).regularization).epsilon(2e-5));
    // 20 epochs recorded (0 … 20), the last being θ* itself.
    REQUIRE(slice.path.size() == 2 * 21);
    CHECK(slice.path[40] == 0);
    CHECK(slice.path[41] == 0);
  }
}

TEST_CASE("line plane: t = 0 is the initial network, t = 1 the trained one") {
  const State state = test::open_link("mode=classify&data=xor&epochs=30&net=4&r=adam(lr:0.03)");
  ClassifySession session(state);
  const std::vector<double> initial = session.racer(0).network().parameters();
  NetworkObjective before = session.objective(0);
  const double j0 = before.value(initial);
  session.train_epochs(30);
  SliceRequest request;
  request.plane = SlicePlane::Line;
  request.grid = 9;
  const Slice slice = compute_slice(session, request);
  REQUIRE(slice.objective.size() == 9);
  CHECK(slice.objective[2] == Approx(j0).epsilon(2e-5));  // t = 0
  NetworkObjective after = session.objective(0);
  CHECK(slice.objective[6] == Approx(after.value(slice.weights)).epsilon(2e-5));  // t = 1
  // The path starts at t = 0 (θ_0) and ends at t = 1 (θ*), on β = 0.
  CHECK(slice.path.front() == Approx(0).margin(1e-12));
  CHECK(slice.path[slice.path.size() - 2] == 1);
  CHECK(slice.path.back() == 0);
}

TEST_CASE("trajectory: long runs are thinned to every s-th epoch, from the initial weights") {
  const State state = test::open_link("mode=classify&data=xor&epochs=250&net=2&r=sgd(lr:0.1)");
  ClassifySession session(state);
  const std::vector<double> initial = session.racer(0).network().parameters();
  session.train_epochs(250);
  const Racer& racer = session.racer(0);
  // Stride 1 until epoch 100 (101 snapshots > 100: stride 2, 51 left), stride 2 until epoch 200
  // (101 again: stride 4, 51 left), then epochs 204 … 248: 51 + 12 = 63 snapshots.
  CHECK(racer.trajectory_stride() == 4);
  CHECK(racer.trajectory().size() == 63);
  CHECK(racer.trajectory().front() == initial);
  // The path adds θ* (epoch 250 is not a multiple of 4).
  CHECK(racer_path(session, 0).size() == 64);
  CHECK(racer_path(session, 0).back() == racer.network().parameters());
}

TEST_CASE("converged network: the hessian plane's curvature at the centre is λ_max") {
  const State state = test::open_link(kConverged);
  ClassifySession session(state);
  session.train_epochs(500);
  const RacerAnalysis analysis = analyze_racer(session, 0);
  REQUIRE(analysis.network.gradient_norm < 1e-3);
  const double lambda_max = analysis.network.spectrum.eigenvalues.back();
  SliceRequest request;
  request.plane = SlicePlane::Hessian;
  request.grid = 5;
  request.span = 0.02;  // h = 0.01
  const Slice slice = compute_slice(session, request);
  const double h = slice.alpha[3];
  // Central second difference along α of the grid (row β = 0, index 2) …
  const double* row = &slice.objective[2 * 5];
  CHECK((row[3] - 2 * row[2] + row[1]) / (h * h) == Approx(lambda_max).epsilon(0.01));
  // … and of J itself along d1, in float64, with a step small enough that the O(h²) term of
  // the difference (J·h²/12, 0.15 % at h = 0.01 here) is below the tolerance.
  NetworkObjective objective = session.objective(0);
  auto j = [&](double a) {
    std::vector<double> w = slice.weights;
    for (std::size_t k = 0; k < w.size(); ++k) w[k] += a * slice.d1[k];
    return objective.value(w);
  };
  const double small = 1e-3;
  CHECK((j(small) - 2 * j(0) + j(-small)) / (small * small) == Approx(lambda_max).epsilon(1e-4));
}

TEST_CASE("slice requests: bad racer, grid, span and an untrained pca or line plane are refused") {
  ClassifySession session(test::open_link("mode=classify&data=xor&epochs=3"));
  SliceRequest request;
  request.racer = 1;
  CHECK_THROWS_WITH(compute_slice(session, request), Catch::Contains("no racer 1"));
  request.racer = 0;
  request.grid = 2;
  CHECK_THROWS_WITH(compute_slice(session, request), Catch::Contains("grid"));
  request.grid = 5;
  request.span = 0;
  CHECK_THROWS_WITH(compute_slice(session, request), Catch::Contains("span"));
  request.span = 1;
  request.plane = SlicePlane::Pca;
  CHECK_THROWS_WITH(compute_slice(session, request), Catch::Contains("pca"));
  // At epoch 0 θ* is θ_0: the line from one to the other is a point.
  request.plane = SlicePlane::Line;
  CHECK_THROWS_WITH(compute_slice(session, request),
                    Catch::Contains("line plane needs weights that moved"));
  session.train_epochs(1);
  CHECK_NOTHROW(compute_slice(session, request));
}
