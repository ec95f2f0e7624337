package export

import (
	"os"
	"runtime"
	"strings"
)

// fontSearch is what font discovery depends on, so tests can fake it.
type fontSearch struct {
	goos     string
	getenv   func(string) string
	readFile func(string) ([]byte, error)
	exists   func(string) bool
}

// systemFontSearch looks at the real environment and file system.
func systemFontSearch() fontSearch {
	return fontSearch{goos: runtime.GOOS, getenv: os.Getenv, readFile: os.ReadFile, exists: fileExists}
}

// fontCandidates returns well-known font files for goos, best first: fonts
// for Latin-only text and fonts with CJK coverage. All have TrueType
// outlines (or are collections whose first font does).
func fontCandidates(goos string, getenv func(string) string) (latin, cjk []string) {
	switch goos {
	case "windows":
		dir := getenv("WINDIR")
		if dir == "" {
			dir = getenv("SystemRoot")
		}
		if dir == "" {
			dir = `C:\Windows`
		}
		dir = strings.TrimRight(dir, `\/`) + `\Fonts\`
		for _, f := range []string{"arial.ttf", "segoeui.ttf", "calibri.ttf", "tahoma.ttf"} {
			latin = append(latin, dir+f)
		}
		for _, f := range []string{"msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "Deng.ttf", "simkai.ttf"} {
			cjk = append(cjk, dir+f)
		}
	case "darwin":
		latin = []string{
			"/System/Library/Fonts/Helvetica.ttc",
			"/System/Library/Fonts/Supplemental/Arial.ttf",
			"/Library/Fonts/Arial.ttf",
			"/System/Library/Fonts/Geneva.ttf",
		}
		cjk = []string{
			"/System/Library/Fonts/STHeiti Light.ttc",
			"/System/Library/Fonts/STHeiti Medium.ttc",
			"/Library/Fonts/Arial Unicode.ttf",
			"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
			"/System/Library/Fonts/Hiragino Sans GB.ttc",
			"/System/Library/Fonts/PingFang.ttc",
		}
	default: // Linux and the BSDs
		latin = []string{
			"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
			"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
			"/usr/share/fonts/TTF/DejaVuSans.ttf",
			"/usr/share/fonts/dejavu/DejaVuSans.ttf",
			"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
			"/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
			"/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
			"/usr/share/fonts/TTF/LiberationSans-Regular.ttf",
			"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
			"/usr/local/share/fonts/dejavu/DejaVuSans.ttf",
		}
		cjk = []string{
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/TTF/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
			"/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
			"/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
			"/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/arphic/uming.ttc",
			"/usr/share/fonts/truetype/arphic/ukai.ttc",
			"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
			"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
			"/usr/local/share/fonts/wqy-microhei/wqy-microhei.ttc",
		}
	}
	return latin, cjk
}
