// Runs the official openai npm package against Steward's gateway, the way
// an app would with OPENAI_BASE_URL and a member token in OPENAI_API_KEY.
// TestNodeSDK starts the gateway, runs this, and checks the usage rows.
// Prints one JSON line with what the SDK saw.
import OpenAI from "openai";

const client = new OpenAI({ maxRetries: 0 }); // OPENAI_BASE_URL and OPENAI_API_KEY from the environment
const out = {};

const chat = await client.chat.completions.create({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "node says hi" }],
});
out.chat = chat.choices[0].message.content;
out.chatUsage = chat.usage.prompt_tokens;

const stream = await client.chat.completions.create({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "node streams" }],
  stream: true,
  stream_options: { include_usage: true },
});
let text = "";
for await (const chunk of stream) {
  if (chunk.usage) out.streamUsage = chunk.usage.prompt_tokens;
  text += chunk.choices[0]?.delta?.content ?? "";
}
out.stream = text;

const rstream = await client.responses.create({ model: "gpt-4o", input: "node responds", stream: true });
let rtext = "";
for await (const event of rstream) {
  if (event.type === "response.output_text.delta") rtext += event.delta;
  if (event.type === "response.completed") out.responsesUsage = event.response.usage.input_tokens;
}
out.responses = rtext;

try {
  await new OpenAI({ apiKey: "stw_" + "0".repeat(40), maxRetries: 0 }).models.list();
} catch (e) {
  out.badTokenStatus = e.status;
  out.badTokenCode = e.code;
}
console.log(JSON.stringify(out));
