# 智能评测（出海准备度评测）：供拟出海企业使用的自我评估。

nav-readiness = 智能评测
readiness-title = 出海准备度
readiness-new-title = 出海准备度评测
readiness-assessment-title = 出海准备度评测结果
readiness-intro = 在寻找境外合作伙伴之前，先了解贵公司的出海准备度。评测涵盖五个方面共 20 项陈述，约十分钟即可完成：您将获得各方面的得分和图表，并在最薄弱的方面获得具体的改进建议。每次评测都会保存，日后可再次评测并与之前的结果对比。
readiness-new-lead = 请就每项陈述，选择其在贵公司目前的符合程度。您的回答仅您本人和平台运营人员可见。
readiness-start = 开始评测
readiness-retake = 再次评测
readiness-submit = 查看评测结果
readiness-latest = 最近一次评测
readiness-history = 全部评测
readiness-history-link = 该企业的全部评测
readiness-none-yet = 目前尚无企业完成评测。
readiness-operators-lead = 以下为每家企业最近一次评测，按时间由近及远排列。打开一次评测可查看各项回答的得分和改进建议，点击企业名称可查看该企业的全部评测。
readiness-enterprise = 企业
readiness-taken = 评测日期
readiness-overall = 总分 { $score } / 100
readiness-overall-short = 总分
readiness-overall-compared = { $date } 得分 { $before } / 100
readiness-first-take = 首次评测
readiness-dimension = 方面
readiness-score = 得分
readiness-before = 上次
readiness-change = 变化
readiness-next-steps = 改进建议
readiness-no-weak = 各方面得分均不低于 60 分：请持续更新资料，并在启动洽谈前再次评测。
readiness-chart-title = 各方面得分（满分 100）
readiness-chart-previous = 细条为上次评测
readiness-chart-weak = 低于 { $score } 分为薄弱
readiness-error-answer = 请为此项陈述选择一个答案。
notice-readiness-taken = 评测已保存，结果如下。

readiness-level-none = 尚未开展
readiness-level-planned = 已有计划
readiness-level-partly = 部分落实
readiness-level-fully = 全面落实

readiness-dim-governance = 公司治理
readiness-dim-governance-about = 公司如何决策、如何受到监督和控制。
readiness-dim-finance = 财务状况
readiness-dim-finance-about = 增长、现金与负债，以及境外合作伙伴能够读懂的财务报表。
readiness-dim-ip = 知识产权
readiness-dim-ip-about = 在境内外保护贵公司技术和品牌的权利。
readiness-dim-international = 国际化
readiness-dim-international-about = 已在境外开展的业务，以及团队中由谁负责。
readiness-dim-esg = ESG
readiness-dim-esg-about = 环境、劳工，以及合作伙伴和交易所要求的信息披露。

readiness-q-governance-1 = 公司设有董事会，其中至少有一名独立董事，并有书面的议事决策规则。
readiness-step-governance-1 = 聘任至少一名独立董事，并以书面形式明确哪些事项由董事会决策、按何种程序决策。
readiness-q-governance-2 = 财务报表每年由独立的会计师事务所审计。
readiness-step-governance-2 = 聘请具有跨境业务经验的会计师事务所进行年度审计。
readiness-q-governance-3 = 关联交易均有记录，并由与交易无利害关系的人员审批。
readiness-step-governance-3 = 建立关联交易台账，每笔关联交易由无利害关系的董事审批。
readiness-q-governance-4 = 反腐败和合规制度已形成书面文件，已对员工进行培训并定期检查执行情况。
readiness-step-governance-4 = 制定符合目标市场法律的反腐败制度，对员工进行培训，并每年检查一次。

readiness-q-finance-1 = 近三年营业收入持续增长。
readiness-step-finance-1 = 整理近三年可比的经营业绩，并制定业务规划，说明合作伙伴可以预期的增长。
readiness-q-finance-2 = 近两年经营活动现金流量净额每年均为正。
readiness-step-finance-2 = 编制未来 24 个月的现金流量预测，在承诺境外项目之前落实营运资金。
readiness-q-finance-3 = 负债总额低于总资产的一半。
readiness-step-finance-3 = 在承担境外义务之前降低负债或引入股权资金：资产负债率低于 50% 更能让合作伙伴放心。
readiness-q-finance-4 = 财务报表可按国际财务报告准则（IFRS）列报，或可编制与 IFRS 的差异调节。
readiness-step-finance-4 = 在向合作伙伴提供财务报表之前，先完成与 IFRS 的差异调节；马来西亚交易所和泰国证券交易所的上市公司均采用该准则。

readiness-q-ip-1 = 核心技术在中国已获得专利或其他登记权利的保护。
readiness-step-ip-1 = 为合作所依托的技术申请专利或进行软件著作权登记。
readiness-q-ip-2 = 主要商标已在目标市场注册。
readiness-step-ip-2 = 进入目标国家之前先注册商标，例如通过马德里体系申请国际注册。
readiness-q-ip-3 = 员工和合作伙伴均签署保密协议和知识产权归属协议。
readiness-step-ip-3 = 在每份劳动合同、供应商合同和合作合同中加入保密条款和知识产权归属条款。
readiness-q-ip-4 = 公司已核查其产品在目标市场不侵犯他人权利。
readiness-step-ip-4 = 委托专业机构对主要产品在各目标市场开展自由实施（FTO）检索。

readiness-q-international-1 = 公司已向其他国家销售产品或从其他国家采购。
readiness-step-international-1 = 先通过贸易伙伴开展出口或采购，在投资之前熟悉市场。
readiness-q-international-2 = 团队中有专人负责境外业务，并能使用合作伙伴的工作语言。
readiness-step-international-2 = 指定一名负责境外业务、能使用英语或当地语言的人员，并为其留出足够的时间。
readiness-q-international-3 = 公司了解目标市场关于外资持股、经营许可和税务的规定。
readiness-step-international-3 = 就目标市场的外资持股限制、经营许可和税务寻求专业意见；合作交易所的联络窗口可为您推荐顾问。
readiness-q-international-4 = 合同、产品资料和网站已有英文版本或合作伙伴语言的版本。
readiness-step-international-4 = 将公司简介、产品资料和标准合同译成英文或合作伙伴的语言。

readiness-q-esg-1 = 能源消耗和排放已有计量并对外披露。
readiness-step-esg-1 = 计量能源消耗和温室气体排放，并每年披露一次。
readiness-q-esg-2 = 公司已制定 ESG 政策或发布 ESG 报告。
readiness-step-esg-2 = 参照马来西亚交易所和泰国证券交易所对上市公司要求的 ISSB 准则，制定 ESG 政策并编制首份报告。
readiness-q-esg-3 = 已在自身经营场所和供应商处检查劳工标准（工时、安全、无强迫劳动）。
readiness-step-esg-3 = 检查自身场所和主要供应商的工时、安全和强迫劳动风险，并保存检查结果。
readiness-q-esg-4 = 产品或工艺已获得公认的绿色或可持续发展认证。
readiness-step-esg-4 = 申请目标客户期望的认证，例如 ISO 14001；棕榈油产品可申请 RSPO 或 MSPO 认证。
