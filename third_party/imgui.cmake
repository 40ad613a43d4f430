# Dear ImGui 1.86 from Debian's libimgui-dev. libimgui.a already contains the
# GLFW and OpenGL3 backends, tables and imgui_stdlib; imgui.pc does not add
# the backends' header folder, so it is added here. The OpenGL3 backend loads
# GL by itself and does not clash with glad.
find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_get_variable(IMGUI_INCLUDEDIR imgui includedir)
add_library(convstep_imgui INTERFACE)
target_include_directories(convstep_imgui SYSTEM INTERFACE ${IMGUI_INCLUDEDIR} ${IMGUI_INCLUDEDIR}/backends)
target_link_libraries(convstep_imgui INTERFACE PkgConfig::IMGUI convstep::glfw ${CMAKE_DL_LIBS})
add_library(convstep::imgui ALIAS convstep_imgui)
