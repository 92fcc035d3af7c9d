## พื้นที่ทำงานของพันธมิตร: บริษัทในตลาดหลักทรัพย์ของคุณทีละบริษัท

partner-company-list-link = แก้ไขข้อมูลทีละบริษัท
partner-company-list-title = บริษัทในตลาดหลักทรัพย์ของคุณ
partner-company-list-intro = ค้นหาบริษัทจากชื่อย่อหลักทรัพย์หรือชื่อบริษัทในภาษาใดก็ได้ แก้ไขข้อมูล หรือนำบริษัทออกจากโซน การเปลี่ยนแปลงในหน้านี้มีผลทันทีและบันทึกไว้ในประวัติการดำเนินการ
partner-company-back-to-workspace = ← รายชื่อบริษัทจดทะเบียนในตลาดหลักทรัพย์ของคุณ
partner-company-search-placeholder = ชื่อย่อหลักทรัพย์หรือชื่อบริษัท
partner-company-state-all = ทั้งหมด
partner-company-state-listed = อยู่ในโซน
partner-company-state-delisted = นำออกจากโซนแล้ว
partner-company-list-count = { $count } บริษัท
partner-company-list-none = ไม่พบบริษัทที่ตรงกัน ลองล้างคำค้นหาหรือเลือกตัวกรองอื่น

partner-company-edit-title = แก้ไขข้อมูลบริษัท
partner-company-back-to-list = ← บริษัททั้งหมดในตลาดหลักทรัพย์ของคุณ
partner-company-view-in-zone = ดูหน้าของบริษัทในโซน
partner-company-texts = ข้อความใน 4 ภาษา
partner-company-texts-hint = เว้นข้อความที่ยังไม่มีคำแปลไว้ได้ โซนจะแสดงข้อความนั้นในภาษาอื่นพร้อมหมายเหตุ ต้องระบุชื่อบริษัทอย่างน้อย 1 ภาษา
partner-company-listing-facts = ข้อมูลการจดทะเบียนในตลาดหลักทรัพย์
partner-company-country-hint = รหัสประเทศตามมาตรฐาน ISO เช่น MY หรือ TH
partner-company-contact-hint = แสดงคู่กับฝ่ายประสานงาน เฉพาะแก่องค์กรที่ผ่านการยืนยันแล้ว เจ้าหน้าที่แพลตฟอร์ม และตลาดหลักทรัพย์ของคุณ
partner-company-years = ข้อมูลทางการเงินที่สำคัญ
partner-company-years-hint = จำนวนเงินเป็นจำนวนเต็มตามหน่วยที่ระบุ (1 คือจำนวนตามจริง 1,000 คือหลักพัน) และตามสกุลเงินที่ระบุ (รหัส ISO เช่น MYR) กรอกแถวสุดท้ายเพื่อเพิ่มปีบัญชี
partner-company-year-new = ปีบัญชีใหม่
partner-company-year-remove = ลบ
partner-company-save = บันทึกการเปลี่ยนแปลง
partner-company-zone-state = อยู่ในโซนหรือนำออกจากโซน
partner-company-delist-hint = เมื่อนำบริษัทออกจากโซน โซนจะไม่แสดงบริษัทนี้อีก แต่ข้อมูลยังเก็บไว้ และนำกลับเข้าโซนได้ทุกเมื่อ
partner-company-delist = นำออกจากโซน
partner-company-relist-hint = บริษัทนี้นำออกจากโซนแล้ว โซนจึงไม่แสดงบริษัทนี้ แต่ข้อมูลยังเก็บไว้
partner-company-relist = นำกลับเข้าโซน

partner-company-error-summary = ยังไม่ได้บันทึกข้อมูลใด มีปัญหา { $count } ช่อง ซึ่งทำเครื่องหมายไว้ด้านล่าง
partner-company-error-name = โปรดระบุชื่อบริษัทอย่างน้อย 1 ภาษา
partner-company-error-year-exists = ปีบัญชีนี้มีอยู่ในตารางแล้ว โปรดแก้ไขในแถวของปีนั้นแทน
partner-company-error-unit = หน่วยต้องเป็น 1 ขึ้นไป: 1 คือจำนวนตามจริง 1,000 คือหลักพัน

notice-company-saved = บันทึกการเปลี่ยนแปลงข้อมูลบริษัทแล้ว
notice-company-delisted = นำบริษัทออกจากโซนแล้ว ข้อมูลของบริษัทยังเก็บไว้
notice-company-relisted = นำบริษัทกลับเข้าโซนแล้ว
partner-company-error-changed = มีผู้อื่นแก้ไขข้อมูลบริษัทนี้หลังจากเปิดแบบฟอร์มนี้ จึงยังไม่ได้บันทึกข้อมูลใด โปรดเปิดข้อมูลบริษัทอีกครั้งแล้วแก้ไขใหม่
