## การจับคู่ธุรกิจ: ประกาศความต้องการ การแนะนำให้รู้จัก และเรื่องประสานงาน

nav-demands = ประกาศความต้องการ
nav-desk = เรื่องประสานงานของฉัน
company-introduce = ขอให้แนะนำให้รู้จัก
form-choose = เลือก…

home-liaison-figures = กลไกการประสานงานระยะยาว
home-figure-enterprises-served = องค์กรที่ได้รับบริการ
home-figure-introductions = ครั้งของการแนะนำให้รู้จัก
home-figure-cooperation = ความร่วมมือที่ตกลงกันได้
home-figure-financing = การระดมทุนที่สำเร็จ
home-figure-financing-amount = มูลค่าการระดมทุนที่สำเร็จ (หยวน)

## หน้าประกาศความต้องการ

board-title = ประกาศความต้องการร่วมมือและเงินทุน
board-intro = องค์กรในจีนประกาศสิ่งที่มองหาในต่างประเทศ และตลาดหลักทรัพย์พันธมิตรประกาศข้อเสนอของบริษัทจดทะเบียนในตลาดของตน หน้านี้ไม่แสดงข้อมูลติดต่อใด ๆ หากสนใจ ให้ส่งคำขอให้แนะนำ แล้วแพลตฟอร์มจะประสานงานให้
board-publish = ลงประกาศความต้องการ
board-search = ค้นหาประกาศความต้องการ
board-any = ทั้งหมด
board-country = ประเทศหรือภูมิภาคเป้าหมาย
board-apply = ใช้ตัวกรอง
board-count = { $count ->
   *[other] { $count } ประกาศ
}
board-empty = ไม่พบประกาศความต้องการที่ตรงกัน ลองลดตัวกรองหรือค้นหาด้วยคำอื่น

## ประกาศความต้องการ

demand-title = ประกาศความต้องการ
demand-new-title = ลงประกาศความต้องการ
demand-edit-title = แก้ไขประกาศความต้องการ
demand-form-intro = อธิบายสิ่งที่คุณกำลังมองหา เขียนชื่อเรื่องและรายละเอียดได้ภาษาเดียวหรือหลายภาษา ผู้อ่านจะเห็นภาษาของตนหากคุณเขียนไว้ หากไม่มีจะเห็นภาษาอื่นพร้อมหมายเหตุ เจ้าหน้าที่จะพิจารณาประกาศความต้องการทุกรายการก่อนเผยแพร่ เมื่อเผยแพร่แล้ว ประกาศจะแสดงอยู่ 6 เดือนและต่ออายุได้
demand-kind = ประเภทของประกาศความต้องการ
demand-kind-technology = ความร่วมมือด้านเทคโนโลยี
demand-kind-market-access = การขยายตลาด
demand-kind-supply-chain = ห่วงโซ่อุปทาน
demand-kind-joint-venture = การร่วมทุน
demand-kind-m-and-a = การควบรวมและซื้อกิจการ
demand-kind-financing = การระดมทุนผ่านการออกหุ้น
demand-industry = อุตสาหกรรม
demand-targets = ประเทศและตลาดหลักทรัพย์เป้าหมาย
demand-targets-hint = ไม่ต้องเลือกหากไม่จำกัดพื้นที่
demand-targets-anywhere = ไม่จำกัด
demand-green = การพัฒนาสีเขียว
demand-green-fit = ประกาศความต้องการนี้สนับสนุนการพัฒนาสีเขียว
demand-financing = การระดมทุน
demand-financing-hint = เฉพาะการระดมทุนผ่านการออกหุ้น: ระบุจำนวนเงินที่ต้องการเป็นจำนวนเต็มตามหน่วยของสกุลเงิน และระยะของกิจการ
demand-financing-range = { $currency } { $min } – { $max } · { $stage }
demand-amount-min = จำนวนเงินต่ำสุด
demand-amount-max = จำนวนเงินสูงสุด
demand-currency = สกุลเงิน
demand-stage = ระยะของกิจการ
demand-stage-seed = ระยะเริ่มต้น (Seed)
demand-stage-growth = ระยะเติบโต
demand-stage-expansion = ระยะขยายกิจการ
demand-stage-pre-ipo = Pre-IPO
demand-texts = ชื่อเรื่องและรายละเอียด
demand-texts-hint = ต้องมีชื่อเรื่องอย่างน้อย 1 ภาษา รายละเอียดที่ไม่มีชื่อเรื่องในภาษาเดียวกันถือว่ายังไม่ครบ
demand-text-title = ชื่อเรื่อง
demand-text-description = รายละเอียด
demand-company = บริษัท (ชื่อย่อหลักทรัพย์)
demand-company-hint = ชื่อย่อหลักทรัพย์ของบริษัทจดทะเบียนในตลาดหลักทรัพย์ของคุณ ตามที่แสดงในโซน
demand-publisher = ผู้ลงประกาศ
demand-publisher-enterprise = องค์กรในจีน ({ $kind })
demand-valid-until = มีผลถึง
demand-no-contacts = ข้อมูลติดต่อจะเปิดเผยผ่านการแนะนำให้รู้จักเท่านั้น เมื่อทั้งสองฝ่ายตกลงแล้ว
demand-save-draft = บันทึกฉบับร่าง
demand-submit = ส่งให้พิจารณา
demand-status = สถานะ
demand-status-draft = ฉบับร่าง
demand-status-review = อยู่ระหว่างพิจารณา
demand-status-published = เผยแพร่แล้ว
demand-status-returned = ส่งกลับให้แก้ไข
demand-status-withdrawn = ถอนแล้ว
demand-status-expired = หมดอายุ
demand-returned-because = เจ้าหน้าที่ส่งกลับด้วยเหตุผลว่า:
demand-review = พิจารณา
demand-return-reason = เหตุผลที่ส่งกลับ
demand-action-edit = แก้ไข
demand-action-submit = ส่งให้พิจารณา
demand-action-renew = ต่ออายุ 6 เดือน
demand-action-withdraw = ถอนประกาศ
demand-action-publish = เผยแพร่
demand-action-return = ส่งกลับให้แก้ไข
demand-action-answer = เสนอการแนะนำให้รู้จัก
demand-answer = ตอบในนามบริษัทจดทะเบียนของคุณ
demand-answer-hint = เจ้าหน้าที่จะคัดกรองคำตอบของคุณก่อน องค์กรจะเห็นคำตอบเมื่อส่งต่อแล้ว
demand-case-open = มีเรื่องประสานงานเกี่ยวกับประกาศความต้องการนี้ที่ยังเปิดอยู่
demand-error-kind = กรุณาเลือกประเภทของประกาศความต้องการ
demand-error-industry = กรุณาเลือกอุตสาหกรรม
demand-error-targets = กรุณาเลือกประเทศและตลาดหลักทรัพย์เป้าหมายจากรายการ
demand-error-amount = กรุณาใส่จำนวนเงินเป็นจำนวนเต็มที่มากกว่าศูนย์
demand-error-amount-order = จำนวนเงินสูงสุดต้องไม่น้อยกว่าจำนวนเงินต่ำสุด
demand-error-currency = กรุณาเลือกสกุลเงิน
demand-error-stage = กรุณาเลือกระยะของกิจการ
demand-error-title-long = ชื่อเรื่องยาวเกินไป (ไม่เกิน 120 ตัวอักษร)
demand-error-description-long = ข้อความยาวเกินไป
demand-error-title-missing = รายละเอียดนี้ต้องมีชื่อเรื่องในภาษาเดียวกัน
demand-error-no-title = กรุณาตั้งชื่อเรื่องของประกาศความต้องการอย่างน้อย 1 ภาษา
demand-error-company = ไม่มีบริษัทจดทะเบียนในตลาดหลักทรัพย์ของคุณที่ใช้ชื่อย่อหลักทรัพย์นี้
demand-error-reason = กรุณาระบุเหตุผล
demand-error-not-now = ไม่สามารถทำรายการนี้ได้ในสถานะปัจจุบันของประกาศความต้องการ
notice-demand-saved = บันทึกประกาศความต้องการเป็นฉบับร่างแล้ว
notice-demand-submitted = ส่งประกาศความต้องการแล้ว เจ้าหน้าที่จะพิจารณาต่อไป
notice-demand-submit = ส่งประกาศความต้องการแล้ว เจ้าหน้าที่จะพิจารณาต่อไป
notice-demand-renew = ประกาศความต้องการจะแสดงต่ออีก 6 เดือน
notice-demand-withdraw = ถอนประกาศความต้องการแล้ว
notice-demand-publish = เผยแพร่ประกาศความต้องการแล้ว
notice-demand-return = ส่งประกาศความต้องการกลับไปยังเจ้าของพร้อมเหตุผลของคุณแล้ว

## การแนะนำให้รู้จักและเรื่องประสานงาน

introduce-title = ขอให้แนะนำให้รู้จัก
introduce-intro = แจ้งแพลตฟอร์มว่าคุณต้องการหารือเรื่องใด เจ้าหน้าที่จะคัดกรองคำขอและส่งต่อไปยังตลาดหลักทรัพย์ของบริษัท ซึ่งจะตอบแทนบริษัท คุณติดตามทุกขั้นตอนได้ที่เรื่องประสานงานของฉัน
introduce-privacy = ข้อมูลติดต่อของคุณจะเปิดเผยแก่บริษัทหลังจากบริษัทตอบรับแล้วเท่านั้น
introduce-send = ส่งคำขอ
introduce-already = คุณมีคำขอให้แนะนำที่ยังเปิดอยู่สำหรับบริษัทนี้แล้ว
introduce-open-case = ดูเรื่องประสานงาน
case-title = เรื่องประสานงาน
case-kind-introduction = การแนะนำให้รู้จัก
case-company = บริษัทจดทะเบียนต่างประเทศ
case-enterprise = องค์กรในจีน
case-purpose = วัตถุประสงค์
case-message = ข้อความ
case-demand = ตอบประกาศความต้องการ
case-request = คำขอ
case-outcome = ผลลัพธ์
case-outcome-cooperation = ตกลงร่วมมือกัน
case-outcome-financing = ระดมทุนสำเร็จ
case-outcome-no-deal = ไม่บรรลุข้อตกลง
case-outcome-note = หมายเหตุผลลัพธ์ (กรณีไม่บรรลุข้อตกลง: ระบุเหตุผล)
case-amount = จำนวนเงิน
case-amount-hint = กรณีระดมทุนสำเร็จ: ระบุจำนวนเงินเป็นจำนวนเต็มตามหน่วยของสกุลเงิน
case-stage-requested = ส่งคำขอแล้ว
case-stage-screening = กำลังคัดกรอง
case-stage-forwarded = ส่งต่อให้อีกฝ่ายแล้ว
case-stage-accepted = ตอบรับแล้ว
case-stage-declined = ปฏิเสธแล้ว
case-stage-meeting = นัดประชุมแล้ว
case-stage-closed = ปิดเรื่องแล้ว
case-stage-withdrawn = ถอนคำขอแล้ว
case-step-request = ส่งคำขอ
case-step-screen = เริ่มคัดกรอง
case-step-forward = ส่งต่อแล้ว
case-step-refuse = เจ้าหน้าที่ไม่รับเรื่อง
case-step-accept = ตอบรับ
case-step-decline = ปฏิเสธ
case-step-schedule = กำหนดนัดประชุม
case-step-close = ปิดเรื่อง
case-step-withdraw = ถอนคำขอ
case-do-screen = เริ่มคัดกรอง
case-do-forward = ส่งต่อให้อีกฝ่าย
case-do-refuse = ไม่รับเรื่อง
case-do-accept = ตอบรับ
case-do-decline = ปฏิเสธ
case-do-schedule = นัดประชุม
case-do-close = ปิดเรื่องพร้อมผลลัพธ์
case-do-withdraw = ถอนคำขอ
case-side-enterprise = องค์กรในจีน
case-side-partner = ตลาดหลักทรัพย์พันธมิตร
case-side-operator = เจ้าหน้าที่
case-steps = สิ่งที่คุณทำได้ตอนนี้
case-note = หมายเหตุ (ไม่บังคับ)
case-reason = เหตุผล
case-meeting = การประชุม
case-meeting-date = วันที่
case-meeting-time = เวลา
case-meeting-zone = เขตเวลา
case-meeting-place = ลิงก์ประชุมออนไลน์หรือสถานที่
case-meeting-place-hint = ลิงก์วิดีโอคอล หรือที่อยู่
case-meeting-your-time = เวลาของคุณ
case-meeting-set-in = ตามเขตเวลาที่นัดไว้
case-contacts = ข้อมูลติดต่อ
case-contact-person = ผู้ติดต่อ
case-contacts-later = แต่ละฝ่ายจะเห็นข้อมูลติดต่อของอีกฝ่ายเมื่อทั้งสองฝ่ายตอบรับแล้ว
case-history = ประวัติ
case-thread = ข้อความ
case-thread-hint = เฉพาะทั้งสองฝ่ายและเจ้าหน้าที่แพลตฟอร์มเท่านั้นที่อ่านข้อความเหล่านี้ได้
case-thread-empty = ยังไม่มีข้อความ
case-message-new = ข้อความใหม่
case-message-send = ส่ง
case-error-purpose = กรุณาเลือกวัตถุประสงค์
case-error-message = กรุณาเขียนข้อความ
case-error-too-long = ข้อความยาวเกินไป
case-error-already-open = มีเรื่องประสานงานที่ยังเปิดอยู่สำหรับรายการนี้แล้ว
case-error-not-now = ทำขั้นตอนนี้ไม่ได้ในขั้นปัจจุบันของเรื่องประสานงาน
case-error-reason = กรุณาระบุเหตุผล
case-error-zone = กรุณาเลือกเขตเวลา
case-error-when = กรุณาใส่วันที่และเวลาตั้งแต่วันนี้ไปจนถึงไม่เกิน 2 ปีข้างหน้า
case-error-place = กรุณาระบุลิงก์ประชุมออนไลน์หรือสถานที่
case-error-outcome = กรุณาเลือกผลลัพธ์
case-error-closed = เรื่องประสานงานนี้ปิดแล้ว จึงเพิ่มข้อความไม่ได้อีก
notice-case-opened = ส่งคำขอของคุณแล้ว คุณติดตามความคืบหน้าได้ที่นี่
notice-case-moved = อัปเดตเรื่องประสานงานแล้ว
notice-case-message-sent = ส่งข้อความของคุณแล้ว

## เรื่องประสานงานของฉัน

desk-title = เรื่องประสานงานของฉัน
desk-intro = เรื่องประสานงานที่คุณมีส่วนร่วม และเรื่องที่รอคุณดำเนินการ
desk-none = เรื่องประสานงานและประกาศความต้องการมีไว้สำหรับองค์กรที่ผ่านการยืนยันแล้ว ตลาดหลักทรัพย์พันธมิตร และเจ้าหน้าที่
desk-awaiting = { $count ->
    [0] ไม่มีเรื่องที่รอคุณดำเนินการ
   *[other] มี { $count } เรื่องที่รอคุณดำเนินการ
}
desk-cases = { $count ->
   *[other] { $count } เรื่อง
}
desk-days = { $count ->
    [0] วันนี้
   *[other] { $count } วันที่แล้ว
}
desk-overdue = ไม่มีความเคลื่อนไหว { $days } วัน
desk-overdue-only = เฉพาะเรื่องที่ไม่มีความเคลื่อนไหว { $days } วัน
desk-awaits-you = รอคุณดำเนินการ
desk-demands = ประกาศความต้องการของฉัน
desk-demands-none = ยังไม่มี
desk-review = ประกาศความต้องการที่รอพิจารณา
desk-export-csv = ดาวน์โหลดเป็น CSV
desk-export-xlsx = ดาวน์โหลดเป็น Excel
case-export-file = เรื่องประสานงาน
case-column-id = เลขที่เรื่อง
case-column-stage = ขั้นตอน
case-column-company = บริษัท
case-column-exchange = ตลาดหลักทรัพย์
case-column-enterprise = องค์กร
case-column-purpose = วัตถุประสงค์
case-column-opened = วันที่เปิดเรื่อง
case-column-changed = เปลี่ยนแปลงล่าสุด
case-column-outcome = ผลลัพธ์
case-column-currency = สกุลเงิน
case-column-days = จำนวนวันนับจากการเปลี่ยนแปลงล่าสุด
case-column-amount = จำนวนเงิน

## อีเมล

mail-demand-submitted-subject = มีประกาศความต้องการรอพิจารณา
mail-demand-submitted-body = มีการส่งประกาศความต้องการ "{ $title }" บน V-Next Zone และกำลังรอเจ้าหน้าที่พิจารณา: { $link }
mail-demand-published-subject = ประกาศความต้องการของคุณเผยแพร่แล้ว
mail-demand-published-body = ประกาศความต้องการ "{ $title }" ของคุณเผยแพร่บน V-Next Zone แล้ว และจะแสดงเป็นเวลา 6 เดือน: { $link }
mail-demand-returned-subject = ประกาศความต้องการของคุณถูกส่งกลับให้แก้ไข
mail-demand-returned-body = เจ้าหน้าที่ส่งประกาศความต้องการ "{ $title }" ของคุณบน V-Next Zone กลับมาด้วยเหตุผลว่า: { $reason } — คุณแก้ไขแล้วส่งใหม่ได้ที่: { $link }
mail-case-requested-subject = มีคำขอให้แนะนำใหม่
mail-case-requested-body = มีคำขอให้แนะนำให้รู้จักกับ { $company } บน V-Next Zone ซึ่งรอการคัดกรอง: { $link }
mail-case-moved-subject = เรื่องประสานงาน: { $stage }
mail-case-moved-body = เรื่องประสานงานเกี่ยวกับ { $company } บน V-Next Zone อยู่ในขั้น "{ $stage }" แล้ว { $note } รายละเอียด: { $link }
mail-case-message-subject = มีข้อความใหม่ในเรื่องประสานงาน
mail-case-message-body = มีข้อความใหม่ในเรื่องประสานงานเกี่ยวกับ { $company } บน V-Next Zone: { $link }

## Recommendations
match-companies-title = บริษัทที่แนะนำ
match-demands-title = ประกาศความต้องการที่เหมาะกับบริษัทนี้
match-link-companies = บริษัทที่แนะนำ
match-link-demands = ประกาศความต้องการที่เหมาะกับบริษัทนี้
match-how = การจับคู่แต่ละรายการมีคะแนนเต็ม 100 คิดจากอุตสาหกรรม ความต้องการร่วมมือที่บริษัทระบุไว้ ตลาดเป้าหมาย เงื่อนไขด้านการพัฒนาสีเขียว และหัวข้อที่ทั้งสองฝ่ายเขียนถึง ไม่ว่าจะเขียนเป็นภาษาใด ตารางใต้แต่ละรายการแสดงคะแนนของแต่ละส่วน
match-weighed = พิจารณาทั้งหมด { $shown } รายการ
match-no-companies = ยังไม่มีบริษัทจดทะเบียนที่เหมาะกับประกาศความต้องการนี้
match-no-demands = ยังไม่มีประกาศความต้องการที่เหมาะกับบริษัทนี้
match-score = ความเหมาะสม { $score } / 100
match-why = เหตุผลของการจับคู่
match-act-answer = ตอบประกาศความต้องการนี้
match-part-industry = อุตสาหกรรม
match-part-intent = ความต้องการร่วมมือ
match-part-target = ตลาดเป้าหมาย
match-part-green = ธุรกิจสีเขียว
match-part-topics = หัวข้อที่ตรงกัน
match-why-same-industry = อุตสาหกรรมเดียวกัน: { $industry }
match-why-related-industry = เกี่ยวข้อง: เนื้อหากล่าวถึง{ $industry }
match-why-other-industry = ต่างอุตสาหกรรม
match-why-declares = ระบุ “{ $intent }”
match-why-not-declared = ไม่ได้ระบุ “{ $intent }”
match-why-any-market = ประกาศความต้องการนี้เปิดรับทุกตลาด
match-why-in-market = อยู่ในตลาดเป้าหมาย: { $place }
match-why-outside-markets = อยู่นอกตลาดเป้าหมาย
match-why-green = ระบุว่าเป็นธุรกิจสีเขียว ตามที่ประกาศความต้องการกำหนด
match-why-not-green = ไม่ได้ระบุว่าเป็นธุรกิจสีเขียว
match-why-shared = { $topics }
match-why-nothing-shared = ไม่มีหัวข้อที่ตรงกัน
match-list-separator = {", "}
