## 合作方工作区：逐一维护本交易所的公司

partner-company-list-link = 逐一编辑公司
partner-company-list-title = 贵交易所的公司
partner-company-list-intro = 按股票代码或任一语言的公司名称查找公司，修改其数据，或将其移出专区。在此所作的更改立即生效，并记入审计日志。
partner-company-back-to-workspace = ← 贵交易所的上市公司名单
partner-company-search-placeholder = 股票代码或公司名称
partner-company-state-all = 全部
partner-company-state-listed = 在专区展示
partner-company-state-delisted = 已移出专区
partner-company-list-count = 共 { $count } 家公司
partner-company-list-none = 没有符合条件的公司。请清除搜索词或选择其他筛选条件。

partner-company-edit-title = 编辑公司
partner-company-back-to-list = ← 贵交易所的全部公司
partner-company-view-in-zone = 查看其在专区的页面
partner-company-texts = 四种语言的文本
partner-company-texts-hint = 尚无译文的文本请留空：专区会以其他语言显示并加以注明。公司名称至少须以一种语言填写。
partner-company-listing-facts = 上市信息
partner-company-country-hint = ISO 国家或地区代码，例如 MY 或 TH。
partner-company-contact-hint = 与联络窗口一并显示，仅已认证企业、运营人员和贵交易所可见。
partner-company-years = 核心财务数据
partner-company-years-hint = 金额须为整数，以所填单位计（1 表示按原值，1,000 表示以千为单位），以所填币种计（ISO 币种代码，如 MYR）。如需新增财政年度，请填写最后一行。
partner-company-year-new = 新增财政年度
partner-company-year-remove = 删除
partner-company-save = 保存更改
partner-company-zone-state = 在专区展示或移出专区
partner-company-delist-hint = 移出专区后，专区不再展示该公司。其数据仍予保留，可随时重新纳入专区。
partner-company-delist = 移出专区
partner-company-relist-hint = 该公司已移出专区，专区不展示该公司。其数据仍予保留。
partner-company-relist = 重新纳入专区

partner-company-error-summary = 未保存任何内容：有 { $count } 项填写有误，已在下方标出。
partner-company-error-name = 请至少以一种语言填写公司名称。
partner-company-error-year-exists = 表中已有该财政年度，请直接修改该行。
partner-company-error-unit = 单位须为 1 或以上：1 表示按原值，1,000 表示以千为单位。

notice-company-saved = 公司的更改已保存。
notice-company-delisted = 该公司已移出专区，其数据仍予保留。
notice-company-relisted = 该公司已重新纳入专区。
partner-company-error-changed = 本表单打开后，该公司的资料已被他人修改，本次未保存任何内容。请重新打开该公司后再修改。
