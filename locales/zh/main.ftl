site-name = V-Next 跨境专区
nav-skip = 跳到正文
nav-label = 主导航
nav-home = 首页
nav-zone = 境外上市公司
nav-language = 语言
footer-about = V-Next 跨境专区为境外上市公司与境内企业、投资机构搭建跨境产业合作对接渠道。
footer-fictional = 演示平台：本站展示的所有公司均为虚构。

not-found-title = 页面不存在
not-found-body = 您访问的页面不存在或已被移动。
not-found-zone = 浏览境外上市公司
not-found-home = 返回首页

home-title = 跨境产业合作
home-description = 查找来自马来西亚交易所、泰国证券交易所及其他合作交易所的境外上市公司及其合作需求。
home-heading = 对接寻求中国合作伙伴的境外上市公司
home-lead = 合作交易所展示其上市公司的主营业务、竞争优势、核心财务数据和合作意向，帮助境内企业和投资机构找到合适的合作伙伴。
home-cta-zone = 进入境外上市公司专区
home-figures = 专区数据
home-figure-companies = 家上市公司
home-figure-exchanges = 家合作交易所
home-figure-countries = 个国家和地区
home-figure-intents = 家公司发布合作意向
home-figure-green = 家绿色发展企业
home-exchanges = 合作交易所
