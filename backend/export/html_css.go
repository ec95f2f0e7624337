package export

// htmlCSS is the stylesheet of HTML exports: system fonts with CJK
// fallbacks, a centred sheet on screen and A4 pages in print.
const htmlCSS = `:root{--ink:#212529;--muted:#626a75;--accent:#254f8c;--rule:#d0d6de;--border:#c4ccd6;--head:#ecf1f7;--zebra:#f8fafc}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#f1f3f6;color:var(--ink);font-size:15px;line-height:1.6;
font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
html:lang(zh) body{font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Segoe UI",Roboto,Arial,sans-serif}
.doc{max-width:840px;margin:32px auto;padding:48px 56px;background:#fff;border-radius:6px;box-shadow:0 1px 4px rgba(16,24,40,.08)}
.doc-header{border-bottom:2px solid var(--accent);padding-bottom:14px;margin-bottom:24px}
h1{font-size:28px;line-height:1.25;margin:0 0 6px;overflow-wrap:anywhere}
.subtitle{color:var(--muted);font-size:17px;margin:0 0 8px}
dl{margin:0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin-top:10px;font-size:13px}
.meta dt{color:var(--muted);font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
h2,h3,h4{line-height:1.3;margin:28px 0 10px;break-after:avoid;page-break-after:avoid;break-inside:avoid;overflow-wrap:anywhere}
h2{font-size:21px;color:var(--accent);border-bottom:1px solid var(--rule);padding-bottom:5px}
h3{font-size:17px}
h4{font-size:15px}
.tag{display:inline-block;vertical-align:.15em;margin-left:6px;padding:0 9px;border-radius:999px;font-size:11px;font-weight:600;line-height:1.7;white-space:nowrap;background:#e9ecef;color:#495057}
.tag-green{background:#dcf3e4;color:#166534}
.tag-blue{background:#dbeafe;color:#1e40af}
.tag-amber{background:#fef0c7;color:#92400e}
.tag-red{background:#fee2e2;color:#991b1b}
p{margin:0 0 12px;orphans:3;widows:3;overflow-wrap:anywhere}
ul{margin:0 0 14px;padding-left:22px}
li{margin:2px 0;overflow-wrap:anywhere}
li::marker{color:var(--accent)}
.fields{display:grid;grid-template-columns:minmax(7em,max-content) 1fr;margin:0 0 16px;border-top:1px solid var(--rule);font-size:14px}
.fields dt,.fields dd{padding:6px 12px 6px 0;border-bottom:1px solid var(--rule)}
.fields dt{color:var(--muted);font-weight:600}
table{width:100%;border-collapse:collapse;margin:6px 0 20px;font-size:13px;line-height:1.45}
th,td{border:1px solid var(--border);padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:var(--head);font-weight:600}
tbody tr:nth-child(even){background:var(--zebra)}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
.note{margin:14px 0 18px;padding:12px 16px;background:#fff7e4;border-left:4px solid #dea014;border-radius:0 6px 6px 0;color:#543e12;break-inside:avoid;overflow-wrap:anywhere}
.page-break{break-after:page;page-break-after:always}
@page{size:A4;margin:18mm 16mm 20mm}
@media print{body{background:#fff;font-size:10.5pt}.doc{max-width:none;margin:0;padding:0;border-radius:0;box-shadow:none}h2{font-size:15pt}h3{font-size:12.5pt}h4{font-size:11pt}table{font-size:9pt}}
`
