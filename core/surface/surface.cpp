// The catalogue of built-in surfaces (docs/reference.md's table): names, formulas, texts, views,
// starts and minima. The formulas themselves are computed in builtin_surfaces.cpp.
#include "surface/surface.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "surface/builtin_surfaces.hpp"

namespace pg {

void Surface::values(const double* xs, const double* ys, double* out, std::size_t n) const {
  for (std::size_t i = 0; i < n; ++i) out[i] = value(xs[i], ys[i]);
}

void Surface::grid_values(const double* xs, std::size_t nx, const double* ys, std::size_t ny,
                          double* out) const {
  std::vector<double> row_ys(nx);
  for (std::size_t j = 0; j < ny; ++j) {
    std::fill(row_ys.begin(), row_ys.end(), ys[j]);
    values(xs, row_ys.data(), out + j * nx, nx);
  }
}

Vec2 Surface::terms_gradient(double, double, const std::size_t*, std::size_t) const noexcept {
  return Vec2{};
}

namespace {

std::vector<SurfaceInfo> build_catalogue() {
  std::vector<SurfaceInfo> rows;
  auto add = [&rows](SurfaceInfo info) { rows.push_back(std::move(info)); };

  {
    SurfaceInfo s;
    s.name = "book-regression";
    s.make = make_book_regression;
    s.formula = R"(L(b, w) = \sum_{n=1}^{10} \bigl(y_n - (b + w\,x_n)\bigr)^2)";
    s.summary_en =
        "The chapter's linear-regression error surface: a long, narrow convex valley along which "
        "plain gradient descent crawls.";
    s.summary_zh =
        "本章线性回归的误差曲面：狭长山谷形的凸误差曲面，普通梯度下降沿着平坦方向爬得很慢。";
    s.view = {-200, -100, -5, 5};
    s.start = {-120, -4};
    // The least-squares solution of the 2×2 normal equations, to double precision.
    s.minima = {{-188.43319665732668, 2.669454966762258}};
    s.axis_x = "b";
    s.axis_y = "w";
    s.expression =
        "(640 - (x + y*338))^2 + (633 - (x + y*333))^2 + (619 - (x + y*328))^2 + "
        "(393 - (x + y*207))^2 + (428 - (x + y*226))^2 + (27 - (x + y*25))^2 + "
        "(193 - (x + y*179))^2 + (66 - (x + y*60))^2 + (226 - (x + y*208))^2 + "
        "(1591 - (x + y*606))^2";
    s.gradient_lr = 1e-7;
    s.adaptive_lr = 1;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "book-saddle";
    s.make = make_book_saddle;
    s.formula = R"(L(w_1, w_2) = (1 - w_1 w_2)^2)";
    s.summary_en =
        "The chapter's tiny network y = w1·w2·x: a saddle point at the origin and a whole curve "
        "of minima w1·w2 = 1.";
    s.summary_zh = "本章的小网络 y = w1·w2·x：原点是鞍点，最小值布满整条曲线 w1·w2 = 1。";
    s.view = {-2, 2, -2, 2};
    s.start = {-0.1, -0.05};
    s.minima_note_en = "every point of the curve w1·w2 = 1 (the origin is a saddle point)";
    s.minima_note_zh = "曲线 w1·w2 = 1 上的每一点都是最小值（原点是鞍点）";
    s.axis_x = "w1";
    s.axis_y = "w2";
    s.expression = "(1 - x*y)^2";
    s.gradient_lr = 0.05;
    s.adaptive_lr = 0.02;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "book-ce";
    s.make = make_book_cross_entropy;
    s.formula = R"(e = -\ln y'_1,\quad y' = \operatorname{softmax}(y_1, y_2, -1000))";
    s.summary_en =
        "Cross-entropy of a 3-class softmax against class 1: steep where the prediction is wrong, "
        "so gradient descent gets going.";
    s.summary_zh =
        "三分类 softmax 的交叉熵（正确答案是第 1 "
        "类）：预测错误的地方坡度大，梯度下降能顺利走下去。";
    s.view = {-10, 10, -10, 10};
    s.start = {-6.5, 5.5};
    s.minima_note_en = "none: the loss falls towards 0 as y1 → +∞ and y2 → −∞";
    s.minima_note_zh = "没有最小值点：y1 → +∞、y2 → −∞ 时损失趋近于 0";
    s.axis_x = "y1";
    s.axis_y = "y2";
    s.expression = "log(exp(x) + exp(y) + exp(-1000)) - x";
    s.gradient_lr = 1;
    s.adaptive_lr = 0.1;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "book-mse";
    s.make = make_book_squared_error;
    s.formula =
        R"(e = \sum_{i=1}^{3} (\hat y_i - y'_i)^2,\quad y' = \operatorname{softmax}(y_1, y_2, -1000),\quad \hat y = (1, 0, 0))";
    s.summary_en =
        "Squared error of the same softmax outputs: nearly flat where the prediction is most "
        "wrong, so gradient descent gets stuck.";
    s.summary_zh =
        "同一组 softmax 输出的均方误差：错得最厉害的地方反而几乎是平的，梯度下降会卡住。";
    s.view = {-10, 10, -10, 10};
    s.start = {-6.5, 5.5};
    s.minima_note_en = "none: the loss falls towards 0 as y1 → +∞ and y2 → −∞";
    s.minima_note_zh = "没有最小值点：y1 → +∞、y2 → −∞ 时损失趋近于 0";
    s.axis_x = "y1";
    s.axis_y = "y2";
    // 1 − y'₁ is written as y'₂ + y'₃, which is what it equals and is exact in floating point.
    s.expression =
        "((exp(y) + exp(-1000))/(exp(x) + exp(y) + exp(-1000)))^2 + "
        "(exp(y)/(exp(x) + exp(y) + exp(-1000)))^2 + "
        "(exp(-1000)/(exp(x) + exp(y) + exp(-1000)))^2";
    s.gradient_lr = 1;
    s.adaptive_lr = 0.1;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "rosenbrock";
    s.make = make_rosenbrock;
    s.formula = R"((1 - x)^2 + 100\,(y - x^2)^2)";
    s.summary_en =
        "Rosenbrock's banana valley: the valley is quickly found, its curved floor slowly "
        "followed to (1, 1).";
    s.summary_zh = "Rosenbrock 香蕉形山谷：很快就能落入谷底，但沿着弯曲的谷底走到 (1, 1) 很慢。";
    s.view = {-2, 2, -1, 3};
    s.start = {-1.5, 2};
    s.minima = {{1, 1}};
    s.expression = "(1 - x)^2 + 100*(y - x^2)^2";
    s.gradient_lr = 1e-3;
    s.adaptive_lr = 1e-2;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "banana";
    s.make = make_banana;
    s.formula = R"((1 - x)^2 + 20\,(3y - x^2)^2)";
    s.summary_en = "A gentler, rescaled banana valley with its minimum at (1, 1/3).";
    s.summary_zh = "更平缓、经过缩放的香蕉形山谷，最小值在 (1, 1/3)。";
    s.view = {-2, 2, -0.27, 1.07};
    s.start = {-1.21, 0.853};
    s.minima = {{1, 1.0 / 3.0}};
    s.expression = "(1 - x)^2 + 20*(3*y - x^2)^2";
    s.gradient_lr = 1e-3;
    s.adaptive_lr = 1e-2;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "beale";
    s.make = make_beale;
    s.formula = R"((1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2)";
    s.summary_en =
        "Beale's function: wide flat plateaus and sharp ridges around the minimum (3, 0.5).";
    s.summary_zh = "Beale 函数：大片平坦区域和陡峭的山脊，最小值在 (3, 0.5)。";
    s.view = {-4.5, 4.5, -4.5, 4.5};
    s.start = {1, 1.5};
    s.minima = {{3, 0.5}};
    s.expression = "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2";
    s.gradient_lr = 1e-2;
    s.adaptive_lr = 3e-2;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "himmelblau";
    s.make = make_himmelblau;
    s.formula = R"((x^2 + y - 11)^2 + (x + y^2 - 7)^2)";
    s.summary_en =
        "Himmelblau's function: four equally low minima, one maximum and four saddle points.";
    s.summary_zh = "Himmelblau 函数：四个同样低的最小值、一个极大值和四个鞍点。";
    s.view = {-5, 5, -5, 5};
    s.start = {0, 0};
    // (3, 2) is exact; the other three are roots of a quartic, given to double precision.
    s.minima = {{3, 2},
                {-2.805118086952745, 3.131312518250573},
                {-3.779310253377747, -3.2831859912861696},
                {3.5844283403304917, -1.8481265269644034}};
    s.expression = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
    s.gradient_lr = 1e-2;
    s.adaptive_lr = 3e-2;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "rastrigin";
    s.make = make_rastrigin;
    s.formula = R"(20 + x^2 - 10\cos 2\pi x + y^2 - 10\cos 2\pi y)";
    s.summary_en = "Rastrigin's function: a bowl covered in regular bumps, full of local minima.";
    s.summary_zh = "Rastrigin 函数：布满规则起伏的碗形曲面，到处都是局部最小值。";
    s.view = {-5.12, 5.12, -5.12, 5.12};
    s.start = {-2, 3.5};
    s.minima = {{0, 0}};
    s.expression = "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)";
    s.gradient_lr = 1e-3;
    s.adaptive_lr = 1e-2;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "ackley";
    s.make = make_ackley;
    s.formula =
        R"(-20\,e^{-0.2\sqrt{\frac{1}{2}(x^2 + y^2)}} - e^{\frac{1}{2}(\cos 2\pi x + \cos 2\pi y)} + e + 20)";
    s.summary_en =
        "Ackley's function: an almost flat, pitted plain with one deep hole at the origin.";
    s.summary_zh = "Ackley 函数：几乎平坦、布满小坑的平原，只有原点处有一个深洞。";
    s.view = {-5, 5, -5, 5};
    s.start = {-3, 4};
    s.minima = {{0, 0}};
    s.expression =
        "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20";
    s.gradient_lr = 1e-2;
    s.adaptive_lr = 1e-2;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "booth";
    s.make = make_booth;
    s.formula = R"((x + 2y - 7)^2 + (2x + y - 5)^2)";
    s.summary_en = "Booth's function: a tilted convex bowl with its minimum at (1, 3).";
    s.summary_zh = "Booth 函数：倾斜的凸碗形误差曲面，最小值在 (1, 3)。";
    s.view = {-10, 10, -10, 10};
    s.start = {-8, 8};
    s.minima = {{1, 3}};
    s.expression = "(x + 2*y - 7)^2 + (2*x + y - 5)^2";
    s.gradient_lr = 1e-2;
    s.adaptive_lr = 0.1;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "matyas";
    s.make = make_matyas;
    s.formula = R"(0.26\,(x^2 + y^2) - 0.48\,xy)";
    s.summary_en =
        "Matyas' function: a flat, elongated convex bowl; progress slows near the minimum.";
    s.summary_zh = "Matyas 函数：平缓而狭长的凸碗，越接近最小值走得越慢。";
    s.view = {-10, 10, -10, 10};
    s.start = {-8, 6};
    s.minima = {{0, 0}};
    s.expression = "0.26*(x^2 + y^2) - 0.48*x*y";
    s.gradient_lr = 0.1;
    s.adaptive_lr = 0.1;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "goldstein-price";
    s.make = make_goldstein_price;
    s.formula =
        R"(\left[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\right] \left[30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\right])";
    s.summary_en =
        "Goldstein–Price: values from 3 up to about a million, with local minima around the "
        "global one at (0, −1).";
    s.summary_zh =
        "Goldstein–Price 函数：数值从 3 一直到约一百万，全局最小值 (0, −1) "
        "周围还有几个局部最小值。";
    s.view = {-2, 2, -2, 2};
    s.start = {-1.5, 1.5};
    s.minima = {{0, -1}};
    s.expression =
        "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))*"
        "(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))";
    s.gradient_lr = 1e-6;
    s.adaptive_lr = 1e-2;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "ellipse";
    s.make = make_ellipse;
    s.formula =
        R"(\tfrac{1}{2}(u^2 + 100\,v^2),\quad u = \tfrac{x - y}{\sqrt 2},\ v = \tfrac{x + y}{\sqrt 2})";
    s.summary_en =
        "A narrow valley turned by 45°: curvature 100 across it and 1 along it, the classic case "
        "for momentum and adaptive learning rates.";
    s.summary_zh =
        "旋转 45° 的狭长山谷：横向曲率 100、纵向曲率 1，是动量和自适应学习率的经典例子。";
    s.view = {-3, 3, -3, 3};
    s.start = {-2.5, -1};
    s.minima = {{0, 0}};
    // u² = (x − y)²/2 and v² = (x + y)²/2: the rotation without dividing by √2, which costs
    // more per point than the rest of f (a division by 2 is an exact multiplication).
    s.expression = "0.5*((x - y)^2/2 + 100*(x + y)^2/2)";
    s.gradient_lr = 1e-2;
    s.adaptive_lr = 0.1;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "saddle";
    s.make = make_saddle;
    s.formula = R"(x^2 - y^2)";
    s.summary_en = "The plain saddle: a minimum along x and a maximum along y, both at the origin.";
    s.summary_zh = "最简单的鞍点：沿 x 方向是最小值，沿 y 方向是最大值，都在原点。";
    s.view = {-2, 2, -2, 2};
    s.start = {-1.8, 0.01};
    s.minima_note_en = "none: unbounded below along y (the origin is a saddle point)";
    s.minima_note_zh = "没有最小值：沿 y 方向无下界（原点是鞍点）";
    s.expression = "x^2 - y^2";
    s.gradient_lr = 1e-3;
    s.adaptive_lr = 1e-2;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "monkey-saddle";
    s.make = make_monkey_saddle;
    s.formula = R"(x^3 - 3xy^2)";
    s.summary_en =
        "The monkey saddle: a flat critical point with three downhill directions, where the "
        "Hessian is zero and cannot tell what the point is.";
    s.summary_zh =
        "猴鞍面：原点是平坦的临界点，有三个下坡方向；那里的 Hessian 矩阵为零，无法判断类型。";
    s.view = {-2, 2, -2, 2};
    s.start = {1, 0.5};
    s.minima_note_en = "none: unbounded below (a degenerate critical point at the origin)";
    s.minima_note_zh = "没有最小值：函数无下界（原点是退化的临界点）";
    s.expression = "x^3 - 3*x*y^2";
    s.gradient_lr = 1e-4;
    s.adaptive_lr = 1e-3;
    add(s);
  }
  {
    SurfaceInfo s;
    s.name = "two-wells";
    s.make = make_two_wells;
    s.formula = R"(x^2 + y^2 - 2e^{-((x - 1)^2 + y^2)/0.2} - 3e^{-((x + 1)^2 + y^2)/0.2})";
    s.summary_en =
        "Two wells of different depth: which one an optimizer ends in depends on the start and "
        "on the optimizer.";
    s.summary_zh = "深浅不同的两个坑：优化器最后落进哪一个，取决于起点和所用的优化器。";
    s.view = {-2, 2, -2, 2};
    s.start = {0, 1.5};
    // Roots of ∂f/∂x on y = 0 (the wells are symmetric in y), to double precision.
    s.minima = {{-0.9363006340109187, 0}, {0.905317899160115, 0}};
    s.minima_note_en = "global minimum near (−0.936, 0), a shallower local one near (0.905, 0)";
    s.minima_note_zh = "全局最小值在 (−0.936, 0) 附近，较浅的局部最小值在 (0.905, 0) 附近";
    s.expression = "x^2 + y^2 - 2*exp(-((x - 1)^2 + y^2)/0.2) - 3*exp(-((x + 1)^2 + y^2)/0.2)";
    s.gradient_lr = 1e-2;
    s.adaptive_lr = 1e-2;
    add(s);
  }
  // The formulas know which surfaces are sums of data terms.
  for (SurfaceInfo& info : rows)
    if (info.make) info.data_terms = info.make()->data_terms();
  return rows;
}

}  // namespace

const std::vector<SurfaceInfo>& surface_catalogue() {
  static const std::vector<SurfaceInfo> catalogue = build_catalogue();
  return catalogue;
}

double suggested_lr(const SurfaceInfo& surface, const std::string& base_optimizer) {
  if (base_optimizer == "adadelta") return std::nan("");
  return base_optimizer == "sgd" ? surface.gradient_lr : surface.adaptive_lr;
}

const SurfaceInfo* find_surface(const std::string& name) {
  for (const SurfaceInfo& info : surface_catalogue())
    if (info.name == name) return &info;
  return nullptr;
}

std::unique_ptr<Surface> make_builtin_surface(const std::string& name) {
  const SurfaceInfo* info = find_surface(name);
  if (!info) throw std::invalid_argument("unknown surface '" + name + "'");
  return info->make();
}

}  // namespace pg
