## 撮合对接：需求、对接申请与联络事项

nav-demands = 需求
nav-desk = 我的联络事项
company-introduce = 申请对接
form-choose = 请选择…

home-liaison-figures = 长效联络机制
home-figure-enterprises-served = 家企业获得服务
home-figure-introductions = 次对接
home-figure-cooperation = 项合作达成
home-figure-financing = 笔融资完成
home-figure-financing-amount = 已完成融资金额（人民币）

## 需求大厅

board-title = 合作与融资需求
board-intro = 境内企业在此发布境外合作需求，合作交易所在此为其上市公司发布合作机会。此处不显示任何联系方式：如有意向，请申请对接，由平台居中对接。
board-publish = 发布需求
board-search = 搜索需求
board-any = 全部
board-country = 目标国家或地区
board-apply = 筛选
board-count = { $count ->
   *[other] 共 { $count } 项需求
}
board-empty = 没有符合条件的需求，请减少筛选条件或换个关键词搜索。

## 需求

demand-title = 需求
demand-new-title = 发布需求
demand-edit-title = 修改需求
demand-form-intro = 请说明您在寻找什么。标题和描述可用一种或多种语言填写：有读者所用语言的版本时显示该版本，没有时显示其他语言版本并加以注明。每项需求经运营人员审核后发布，在需求大厅展示六个月，到期可续期。
demand-kind = 需求类型
demand-kind-technology = 技术合作
demand-kind-market-access = 市场拓展
demand-kind-supply-chain = 供应链合作
demand-kind-joint-venture = 合资
demand-kind-m-and-a = 并购
demand-kind-financing = 股权融资
demand-industry = 行业
demand-targets = 目标国家和交易所
demand-targets-hint = 不勾选即为不限。
demand-targets-anywhere = 不限
demand-green = 绿色发展
demand-green-fit = 该需求服务于绿色发展
demand-financing = 融资
demand-financing-hint = 仅适用于股权融资：填写拟融资金额（整数，以所选币种的基本单位计）及企业所处阶段。
demand-financing-range = { $currency } { $min } – { $max } · { $stage }
demand-amount-min = 最低金额
demand-amount-max = 最高金额
demand-currency = 币种
demand-stage = 发展阶段
demand-stage-seed = 种子期
demand-stage-growth = 成长期
demand-stage-expansion = 扩张期
demand-stage-pre-ipo = Pre-IPO 轮
demand-texts = 标题和描述
demand-texts-hint = 至少填写一个标题。某种语言只有描述而没有标题的，不符合要求。
demand-text-title = 标题
demand-text-description = 描述
demand-company = 公司（股票代码）
demand-company-hint = 贵交易所一家上市公司的股票代码，与专区中显示的一致。
demand-publisher = 发布方
demand-publisher-enterprise = 境内企业（{ $kind }）
demand-valid-until = 有效期至
demand-no-contacts = 联系方式仅在双方同意后通过对接提供。
demand-save-draft = 保存草稿
demand-submit = 提交审核
demand-status = 状态
demand-status-draft = 草稿
demand-status-review = 审核中
demand-status-published = 已发布
demand-status-returned = 已退回修改
demand-status-withdrawn = 已撤回
demand-status-expired = 已过期
demand-returned-because = 运营人员已退回，原因：
demand-review = 审核
demand-return-reason = 退回原因
demand-action-edit = 修改
demand-action-submit = 提交审核
demand-action-renew = 续期六个月
demand-action-withdraw = 撤回
demand-action-publish = 发布
demand-action-return = 退回修改
demand-action-answer = 推荐对接
demand-answer = 代表贵交易所的一家上市公司回应
demand-answer-hint = 您的回应先经运营人员初审，转交后该企业即可看到。
demand-case-open = 已有关于此需求的联络事项正在进行中
demand-error-kind = 请选择需求类型。
demand-error-industry = 请选择行业。
demand-error-targets = 请从列表中选择目标国家和交易所。
demand-error-amount = 请输入大于零的整数金额。
demand-error-amount-order = 最高金额不能低于最低金额。
demand-error-currency = 请选择币种。
demand-error-stage = 请选择企业所处阶段。
demand-error-title-long = 标题过长（最多 120 个字符）。
demand-error-description-long = 文本过长。
demand-error-title-missing = 请为此描述填写同一语言的标题。
demand-error-no-title = 请至少用一种语言填写需求标题。
demand-error-company = 贵交易所没有使用该股票代码的上市公司。
demand-error-reason = 请填写原因。
demand-error-not-now = 需求在当前状态下无法进行此操作。
notice-demand-saved = 需求已保存为草稿。
notice-demand-submitted = 需求已提交，运营人员将进行审核。
notice-demand-submit = 需求已提交，运营人员将进行审核。
notice-demand-renew = 需求在需求大厅的展示期已延长六个月。
notice-demand-withdraw = 需求已撤回。
notice-demand-publish = 需求已在需求大厅发布。
notice-demand-return = 需求已连同您填写的原因退回发布方。

## 对接申请与联络事项

introduce-title = 申请对接
introduce-intro = 请告诉平台您希望洽谈的内容。运营人员初审后，将申请转交该公司所在交易所，由交易所代公司答复。每一步进展均可在“我的联络事项”中查看。
introduce-privacy = 该公司接受后，您的联系方式才会提供给对方。
introduce-send = 发送申请
introduce-already = 您对该公司已有一项尚未结束的对接申请。
introduce-open-case = 查看联络事项
case-title = 联络事项
case-kind-introduction = 对接
case-company = 境外上市公司
case-enterprise = 境内企业
case-purpose = 对接目的
case-message = 留言
case-demand = 所回应的需求
case-request = 申请内容
case-outcome = 对接结果
case-outcome-cooperation = 达成合作
case-outcome-financing = 完成融资
case-outcome-no-deal = 未达成合作
case-outcome-note = 结果说明（未达成合作时请说明原因）
case-amount = 金额
case-amount-hint = 完成融资时填写：金额须为整数，以该币种的基本单位计。
case-stage-requested = 已申请
case-stage-screening = 初审中
case-stage-forwarded = 已转交对方
case-stage-accepted = 已接受
case-stage-declined = 已拒绝
case-stage-meeting = 已安排会面
case-stage-closed = 已结束
case-stage-withdrawn = 已撤回
case-step-request = 提交申请
case-step-screen = 开始初审
case-step-forward = 转交对方
case-step-refuse = 运营人员驳回
case-step-accept = 接受
case-step-decline = 拒绝
case-step-schedule = 约定会面
case-step-close = 结束
case-step-withdraw = 撤回
case-do-screen = 开始初审
case-do-forward = 转交对方
case-do-refuse = 驳回
case-do-accept = 接受
case-do-decline = 拒绝
case-do-schedule = 安排会面
case-do-close = 结束并记录结果
case-do-withdraw = 撤回申请
case-side-enterprise = 境内企业
case-side-partner = 合作交易所
case-side-operator = 运营人员
case-steps = 当前可执行的操作
case-note = 备注（选填）
case-reason = 原因
case-meeting = 会面
case-meeting-date = 日期
case-meeting-time = 时间
case-meeting-zone = 时区
case-meeting-place = 线上会议链接或地点
case-meeting-place-hint = 视频会议链接或地址。
case-meeting-your-time = 您的当地时间
case-meeting-set-in = 按约定时区
case-contacts = 联系方式
case-contact-person = 联系人
case-contacts-later = 双方均接受后，可看到对方的联系方式。
case-history = 进展记录
case-thread = 消息
case-thread-hint = 仅双方和平台运营人员可阅读这些消息。
case-thread-empty = 暂无消息。
case-message-new = 新消息
case-message-send = 发送
case-error-purpose = 请选择对接目的。
case-error-message = 请填写留言。
case-error-too-long = 文本过长。
case-error-already-open = 此事已有进行中的联络事项。
case-error-not-now = 联络事项在当前阶段无法进行此步骤。
case-error-reason = 请填写原因。
case-error-zone = 请选择时区。
case-error-when = 请输入从今天起两年内的日期和时间。
case-error-place = 请填写线上会议链接或地点。
case-error-outcome = 请选择对接结果。
case-error-closed = 该联络事项已结束，不能再添加消息。
notice-case-opened = 您的申请已发送，可在此查看进展。
notice-case-moved = 联络事项已更新。
notice-case-message-sent = 消息已发送。

## 我的联络事项

desk-title = 我的联络事项
desk-intro = 您参与的联络事项，以及待您处理的事项。
desk-none = 联络事项和需求仅面向已认证企业、合作交易所和运营人员。
desk-awaiting = { $count ->
    [0] 暂无待您处理的事项。
   *[other] 有 { $count } 项联络事项待您处理。
}
desk-cases = { $count ->
   *[other] 共 { $count } 项联络事项
}
desk-days = { $count ->
    [0] 今天
   *[other] { $count } 天前
}
desk-overdue = { $days } 天无进展
desk-overdue-only = 仅显示 { $days } 天无进展的联络事项
desk-awaits-you = 待您处理
desk-demands = 我的需求
desk-demands-none = 暂无。
desk-review = 待审核的需求
desk-export-csv = 导出为 CSV
desk-export-xlsx = 导出为 Excel
case-export-file = 联络事项
case-column-id = 编号
case-column-stage = 阶段
case-column-company = 公司
case-column-exchange = 交易所
case-column-enterprise = 企业
case-column-purpose = 目的
case-column-opened = 发起时间
case-column-changed = 最近更新
case-column-outcome = 结果
case-column-currency = 币种
case-column-days = 距最近更新天数
case-column-amount = 金额

## 邮件

mail-demand-submitted-subject = 有一项需求待审核
mail-demand-submitted-body = 需求“{ $title }”已在 V-Next 跨境专区提交，等待运营人员审核：{ $link }
mail-demand-published-subject = 您的需求已发布
mail-demand-published-body = 您的需求“{ $title }”已在 V-Next 跨境专区需求大厅发布，展示期六个月：{ $link }
mail-demand-returned-subject = 您的需求已被退回修改
mail-demand-returned-body = 运营人员退回了您在 V-Next 跨境专区发布的需求“{ $title }”，原因：{ $reason } ——您可以修改后重新提交：{ $link }
mail-case-requested-subject = 新的对接申请
mail-case-requested-body = 有企业在 V-Next 跨境专区申请与 { $company } 对接，等待初审：{ $link }
mail-case-moved-subject = 联络事项：{ $stage }
mail-case-moved-body = V-Next 跨境专区上关于 { $company } 的联络事项已更新为“{ $stage }”。{ $note } 详情：{ $link }
mail-case-message-subject = 联络事项有新消息
mail-case-message-body = V-Next 跨境专区上关于 { $company } 的联络事项有一条新消息：{ $link }

## Recommendations
match-companies-title = 推荐公司
match-demands-title = 适合该公司的需求
match-link-companies = 推荐公司
match-link-demands = 适合该公司的需求
match-how = 每项匹配满分 100 分，依据所属行业、申报的合作意向、目标市场、绿色发展要求，以及双方文字涉及的共同主题（不论以何种语言撰写）评分。每项匹配下方的表格列出各部分得分。
match-weighed = 共评估 { $shown } 个候选对象。
match-no-companies = 暂无符合该需求的上市公司。
match-no-demands = 需求大厅中暂无适合该公司的需求。
match-score = 匹配度 { $score } / 100
match-why = 匹配理由
match-act-answer = 回应该需求
match-part-industry = 行业
match-part-intent = 合作意向
match-part-target = 目标市场
match-part-green = 绿色
match-part-topics = 共同主题
match-why-same-industry = 同一行业：{ $industry }
match-why-related-industry = 相关：文字涉及{ $industry }
match-why-other-industry = 不同行业
match-why-declares = 已申报“{ $intent }”
match-why-not-declared = 未申报“{ $intent }”
match-why-any-market = 该需求不限市场
match-why-in-market = 位于目标市场：{ $place }
match-why-outside-markets = 不在目标市场内
match-why-green = 已标注为绿色发展企业，符合该需求
match-why-not-green = 未标注为绿色发展企业
match-why-shared = { $topics }
match-why-nothing-shared = 无共同主题
match-list-separator = 、
