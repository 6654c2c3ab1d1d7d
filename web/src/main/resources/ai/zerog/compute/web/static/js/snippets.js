// Ready-to-copy code for one provider: endpoint, model and an API key filled in.

function chatBody(model) {
  return { model, messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: 'Hello!' }] };
}

function javaString(text) {
  return JSON.stringify(text);
}

export function snippets({ endpoint, model, key, serviceType, provider, network }) {
  const k = key || 'app-sk-<SECRET>';
  if (serviceType === 'text-to-image') {
    return {
      curl: `curl ${endpoint}/images/generations \\\n  -H "Content-Type: application/json" \\\n  -H "Authorization: Bearer ${k}" \\\n  -d '${JSON.stringify({ model, prompt: 'A cute baby sea otter', n: 1, size: '512x512', response_format: 'b64_json' })}' \\\n  | jq -r '.data[0].b64_json' | base64 --decode > output.png`,
      'Java SDK': javaSdk(provider, network, `broker.inference().requestHeaders(provider)  // then POST to ${endpoint}/images/generations`),
      'openai-java': `OpenAIClient client = OpenAIOkHttpClient.builder()\n    .baseUrl(${javaString(endpoint)})\n    .apiKey(${javaString(k)})\n    .build();\nImagesResponse images = client.images().generate(ImageGenerateParams.builder()\n    .model(${javaString(model)})\n    .prompt("A cute baby sea otter")\n    .size(ImageGenerateParams.Size._512X512)\n    .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON)\n    .build());`,
      'OpenAI JS': `import OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: '${endpoint}', apiKey: '${k}' });\nconst result = await client.images.generate({ model: '${model}', prompt: 'A cute baby sea otter', size: '512x512', response_format: 'b64_json' });\nconsole.log(result.data[0].b64_json.length);`,
      'OpenAI Python': `from openai import OpenAI\n\nclient = OpenAI(base_url="${endpoint}", api_key="${k}")\nresult = client.images.generate(model="${model}", prompt="A cute baby sea otter", size="512x512", response_format="b64_json")\nprint(len(result.data[0].b64_json))`,
    };
  }
  if (serviceType === 'image-editing') {
    return {
      curl: `curl ${endpoint}/images/edits \\\n  -H "Authorization: Bearer ${k}" \\\n  -F model=${model} \\\n  -F prompt="Make the sea otter wear a red hat" \\\n  -F response_format=b64_json \\\n  -F image=@image.png \\\n  | jq -r '.data[0].b64_json' | base64 --decode > edited.png`,
      'Java SDK': javaSdk(provider, network, `broker.inference().requestHeaders(provider)  // then POST multipart (image, prompt) to ${endpoint}/images/edits`),
      'openai-java': `OpenAIClient client = OpenAIOkHttpClient.builder()\n    .baseUrl(${javaString(endpoint)})\n    .apiKey(${javaString(k)})\n    .build();\nImagesResponse edited = client.images().edit(ImageEditParams.builder()\n    .image(Path.of("image.png"))\n    .prompt("Make the sea otter wear a red hat")\n    .model(${javaString(model)})\n    .responseFormat(ImageEditParams.ResponseFormat.B64_JSON)\n    .build());`,
      'OpenAI JS': `import fs from 'fs';\nimport OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: '${endpoint}', apiKey: '${k}' });\nconst result = await client.images.edit({ model: '${model}', image: fs.createReadStream('image.png'), prompt: 'Make the sea otter wear a red hat', response_format: 'b64_json' });\nfs.writeFileSync('edited.png', Buffer.from(result.data[0].b64_json, 'base64'));`,
      'OpenAI Python': `import base64\nfrom openai import OpenAI\n\nclient = OpenAI(base_url="${endpoint}", api_key="${k}")\nwith open("image.png", "rb") as image:\n    result = client.images.edit(model="${model}", image=image, prompt="Make the sea otter wear a red hat", response_format="b64_json")\nwith open("edited.png", "wb") as out:\n    out.write(base64.b64decode(result.data[0].b64_json))`,
    };
  }
  if (serviceType === 'speech-to-text') {
    return {
      curl: `curl ${endpoint}/audio/transcriptions \\\n  -H "Authorization: Bearer ${k}" \\\n  -F file=@audio.ogg \\\n  -F model=${model} \\\n  -F response_format=json`,
      'Java SDK': javaSdk(provider, network, `broker.inference().requestHeaders(provider)  // then POST multipart to ${endpoint}/audio/transcriptions`),
      'openai-java': `OpenAIClient client = OpenAIOkHttpClient.builder()\n    .baseUrl(${javaString(endpoint)})\n    .apiKey(${javaString(k)})\n    .build();\nTranscription text = client.audio().transcriptions().create(TranscriptionCreateParams.builder()\n    .file(Path.of("audio.ogg"))\n    .model(${javaString(model)})\n    .build()).asTranscription();\nSystem.out.println(text.text());`,
      'OpenAI JS': `import fs from 'fs';\nimport OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: '${endpoint}', apiKey: '${k}' });\nconst result = await client.audio.transcriptions.create({ file: fs.createReadStream('audio.ogg'), model: '${model}' });\nconsole.log(result.text);`,
      'OpenAI Python': `from openai import OpenAI\n\nclient = OpenAI(base_url="${endpoint}", api_key="${k}")\nwith open("audio.ogg", "rb") as audio:\n    result = client.audio.transcriptions.create(file=audio, model="${model}")\nprint(result.text)`,
    };
  }
  const body = chatBody(model);
  return {
    curl: `curl ${endpoint}/chat/completions \\\n  -H "Content-Type: application/json" \\\n  -H "Authorization: Bearer ${k}" \\\n  -d '${JSON.stringify(body)}'`,
    'Java SDK': javaSdk(provider, network, `ChatResponse answer = broker.inference().chat(provider,\n        ${javaString(JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello!' }] }))});\n    System.out.println(answer.body());\n    answer.chatId().ifPresent(id -> System.out.println(\n        broker.inference().processResponse(provider, id, answer.requestBody(), answer.responseBody())));`),
    'openai-java': `OpenAIClient client = OpenAIOkHttpClient.builder()\n    .baseUrl(${javaString(endpoint)})\n    .apiKey(${javaString(k)})\n    .build();\nChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()\n    .model(${javaString(model)})\n    .addSystemMessage("You are a helpful assistant.")\n    .addUserMessage("Hello!")\n    .build());\nSystem.out.println(completion.choices().get(0).message().content().orElse(""));`,
    'OpenAI JS': `import OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: '${endpoint}', apiKey: '${k}' });\nconst completion = await client.chat.completions.create(${JSON.stringify(body, null, 2).replace(/\n/g, '\n')});\nconsole.log(completion.choices[0].message.content);`,
    'OpenAI Python': `from openai import OpenAI\n\nclient = OpenAI(base_url="${endpoint}", api_key="${k}")\ncompletion = client.chat.completions.create(\n    model="${model}",\n    messages=[\n        {"role": "system", "content": "You are a helpful assistant."},\n        {"role": "user", "content": "Hello!"},\n    ],\n)\nprint(completion.choices[0].message.content)`,
  };
}

function javaSdk(provider, network, call) {
  return `// ai.zerog.compute:zerog-compute-sdk — signs with your own key, no API key needed\nNetworkProfile network = NetworkProfile.named(${javaString(network || 'devnet')});\nAddress provider = Address.of(${javaString(provider)});\ntry (ZgComputeBroker broker = ZgComputeBroker.fromKeystore(\n        Path.of(System.getProperty("user.home"), ".0g-compute-cli", "keystore.json"), password, network)) {\n    ${call}\n}`;
}
