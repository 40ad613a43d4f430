// Fill tools: the classic kernels as textbooks print them, and random fills
// that are the same for the same seed.
#include <gtest/gtest.h>

#include "core/conv/fill.h"

namespace convstep {
namespace {

TEST(Fill, ClassicKernelsByName) {
  EXPECT_EQ(ClassicKernelNames().size(), 9u);
  Result<std::vector<double>> sobel_x = ClassicKernel("Sobel x");
  ASSERT_TRUE(sobel_x.ok());
  EXPECT_EQ(*sobel_x, (std::vector<double>{-1, 0, 1, -2, 0, 2, -1, 0, 1}));
  Result<std::vector<double>> laplacian = ClassicKernel("Laplacian");
  ASSERT_TRUE(laplacian.ok());
  EXPECT_EQ(*laplacian, (std::vector<double>{0, 1, 0, 1, -4, 1, 0, 1, 0}));
  // Blurs keep brightness: their weights sum to 1.
  for (const char* blur : {"box blur", "Gaussian blur"}) {
    Result<std::vector<double>> k = ClassicKernel(blur);
    ASSERT_TRUE(k.ok());
    double sum = 0;
    for (double w : *k) sum += w;
    EXPECT_NEAR(sum, 1.0, 1e-15) << blur;
  }
  Result<std::vector<double>> gauss = ClassicKernel("Gaussian blur");
  EXPECT_DOUBLE_EQ((*gauss)[4], 0.25);
  Result<std::vector<double>> unknown = ClassicKernel("blurry");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().find("there is no kernel called 'blurry'"), std::string::npos);
}

TEST(Fill, RandomIntegersRepeatForTheSameSeedAndStayInRange) {
  std::vector<double> a(200);
  std::vector<double> b(200);
  ASSERT_TRUE(FillRandomIntegers(&a, 42, -2, 3).ok());
  ASSERT_TRUE(FillRandomIntegers(&b, 42, -2, 3).ok());
  EXPECT_EQ(a, b);
  bool seen[6] = {};
  for (double v : a) {
    ASSERT_GE(v, -2);
    ASSERT_LE(v, 3);
    EXPECT_EQ(v, static_cast<int>(v));
    seen[static_cast<int>(v) + 2] = true;
  }
  for (bool s : seen) EXPECT_TRUE(s);
  // std::mt19937's first output for seed 42 is 1608637542 on every
  // conforming library: 1608637542 mod 6 = 0, so the first value is -2.
  EXPECT_EQ(a[0], -2);
  ASSERT_TRUE(FillRandomIntegers(&b, 43, -2, 3).ok());
  EXPECT_NE(a, b);
  EXPECT_FALSE(FillRandomIntegers(&a, 1, 3, 2).ok());
}

}  // namespace
}  // namespace convstep
