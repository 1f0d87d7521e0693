/**
 * People and places as Chinese news text writes them. A credit line (`任效良 董峰`) and a short section head
 * (`坚持一个科学指引`) look alike to a length test; what tells them apart is that a personal name is two to four
 * Han characters starting with a surname. Likewise `任效良天津报道` fuses a name and a place, and a gazetteer of
 * the places that datelines name most often decides where one ends and the other begins.
 */

const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '申屠'];

const surnameSet = new Set(Array.from(SINGLE_SURNAMES));

/** Places that Chinese datelines and `…报道` bylines name most: provinces, capitals, large cities, and abroad. */
const PLACES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆',
  '香港', '澳门', '石家庄', '太原', '沈阳', '长春', '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南', '郑州', '武汉', '长沙',
  '广州', '海口', '成都', '贵阳', '昆明', '西安', '兰州', '西宁', '呼和浩特', '南宁', '拉萨', '银川', '乌鲁木齐', '深圳', '厦门', '青岛',
  '大连', '宁波', '苏州', '无锡', '唐山', '保定', '廊坊', '雄安', '滨海', '蓟州', '北辰', '南开', '河西', '河东', '和平', '红桥', '东丽',
  '西青', '津南', '武清', '宝坻', '宁河', '静海', '华盛顿', '纽约', '伦敦', '巴黎', '东京', '莫斯科', '柏林', '布鲁塞尔', '日内瓦', '联合国',
  '首尔', '新德里', '开罗', '内罗毕', '悉尼', '堪培拉', '渥太华', '巴西利亚', '墨西哥城', '罗马', '马德里', '维也纳', '曼谷', '新加坡',
  '雅加达', '河内', '金边', '万象', '仰光', '伊斯兰堡', '德黑兰', '利雅得', '迪拜', '安卡拉', '基辅', '华沙', '布拉格', '里约热内卢', '约翰内斯堡',
];

const placeSet = new Set(PLACES);
/** Place name lengths, longest first: a token's tail is looked up once per length instead of against every place. */
const PLACE_LENGTHS = [...new Set(PLACES.map((p) => p.length))].sort((a, b) => b - a);
const compoundSurnameSet = new Set(COMPOUND_SURNAMES);

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
const NAME_SHAPE = new RegExp(`^${HAN}{2,4}(?:[·•]${HAN}{1,6})?$`);
const HAN_RUN = new RegExp(`^${HAN}+$`);

export function hasSurname(token: string): boolean {
  // Every compound surname has two characters.
  if (compoundSurnameSet.has(token.slice(0, 2))) return true;
  return surnameSet.has(token[0]);
}

/** A personal name as newsrooms print it: 2–4 Han characters starting with a surname (or a transliterated name with ·). */
export function isChineseName(token: string): boolean {
  if (!NAME_SHAPE.test(token)) return false;
  if (token.includes('·') || token.includes('•')) return true;
  if (!hasSurname(token)) return false;
  // A four-character token is a name only with a compound surname or as two joined surnames (女性冠夫姓 is rare in news).
  if (token.length === 4) return compoundSurnameSet.has(token.slice(0, 2));
  return true;
}

/** Splits a run of names separated by spaces (ASCII, ideographic) or 、. Returns null unless every token is a name. */
export function splitNames(text: string): string[] | null {
  const tokens = text.trim().split(/[\s\u3000、,，]+/).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 8) return null;
  return tokens.every(isChineseName) ? tokens : null;
}

export function isKnownPlace(text: string): boolean {
  return placeSet.has(text) || /^.{2,6}[省市县区州]$/.test(text);
}

/**
 * Splits `任效良天津` into name and place. Prefers a known place as the tail; otherwise a three-character name,
 * the most common length, when at least two characters remain for the place.
 */
export function splitNameAndPlace(token: string): { name: string; place: string } | null {
  // One place at most ends the token at each length, so trying lengths longest first finds the longest place.
  for (const length of PLACE_LENGTHS) {
    if (token.length <= length) continue;
    const place = token.slice(token.length - length);
    if (!placeSet.has(place)) continue;
    const name = token.slice(0, token.length - length);
    if (isChineseName(name)) return { name, place };
  }
  for (const nameLength of [3, 2]) {
    const name = token.slice(0, nameLength);
    const place = token.slice(nameLength);
    if (place.length >= 2 && isChineseName(name) && HAN_RUN.test(place)) return { name, place };
  }
  return null;
}

/** English personal names in a byline: `JANE DOE and JOHN ROE`, `Jane Doe, John Roe and Ann Poe`. */
export function splitEnglishNames(text: string): string[] {
  return text
    .split(/\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*/)
    .map((s) => s.trim())
    .filter((s) => /^[A-Z][\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,4}$/u.test(s));
}
